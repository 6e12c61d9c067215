import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addEvidence, exportEvidence } from '../../electron/services/evidence/evidence-files.ts';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { listEvidence } from '../../electron/store/repositories/evidence-repository.ts';
import { createVault, type OpenVault } from '../../electron/store/vault.ts';
import { pngImage } from '../support/images.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';

const FIXTURE = readFileSync(new URL('../fixtures/border-detention.json', import.meta.url), 'utf8');
const INCIDENT = 'in-fotekh-2024-03';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function vaultWithIncident(): Promise<{ vault: OpenVault; dir: string }> {
  const dir = tempDir();
  const { vault } = await createVault(dir, 'correct horse battery', { actor: 'tester', kdf: FAST_KDF });
  await importInBatches(vault.db, parseInterchange(vault.db, FIXTURE), 'tester');
  return { vault, dir };
}

function file(name: string, bytes: Buffer): string {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return path;
}

describe('evidence', () => {
  it('takes three photos in with their SHA-256, type from the bytes, size and custody; exports them re-hashed and identical', async () => {
    const { vault, dir } = await vaultWithIncident();
    const photos = [pngImage(640, 480), pngImage(1200, 900, [30, 120, 30]), pngImage(64, 64, [10, 10, 200])];
    // One photo arrives with a misleading name: the type comes from its bytes.
    const paths = photos.map((bytes, i) => file(i === 2 ? 'notes.txt' : `photo-${i + 1}.png`, bytes));
    const records = paths.map((path) => addEvidence(vault.db, { incidentId: INCIDENT, path, actor: 'analyst-1' }));
    expect(records.map((r) => [r.mediaType, r.size, r.sha256, r.width, r.height, r.addedBy])).toEqual(
      photos.map((bytes, i) => ['image/png', bytes.length, sha256(bytes), [640, 1200, 64][i], [480, 900, 64][i], 'analyst-1']),
    );
    expect(listEvidence(vault.db, INCIDENT)).toHaveLength(3);

    const outDir = tempDir();
    records.forEach((record, i) => {
      const out = join(outDir, `copy-${i}.png`);
      exportEvidence(vault.db, record.id, out, 'analyst-2');
      expect(readFileSync(out).equals(photos[i]!)).toBe(true);
    });
    vault.close();
    // The store holds the photos encrypted: not even their PNG signatures are visible on disk.
    expect(readFileSync(join(dir, 'store.db')).includes(Buffer.from('IHDR'))).toBe(false);
  });

  it('streams a multi-chunk file and keeps it whole', async () => {
    const { vault } = await vaultWithIncident();
    const video = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(3 * (1 << 20) + 12345, 7)]);
    const record = addEvidence(vault.db, { incidentId: INCIDENT, path: file('clip.bin', video), actor: 'tester' });
    expect(record).toMatchObject({ mediaType: 'video/mp4', size: video.length, sha256: sha256(video) });
    expect(vault.db.prepare('SELECT count(*) FROM evidence_chunk WHERE evidence_id = ?').pluck().get(record.id)).toBe(4);
    const out = join(tempDir(), 'clip.mp4');
    exportEvidence(vault.db, record.id, out, 'tester');
    expect(sha256(readFileSync(out))).toBe(sha256(video));
    vault.close();
  });

  it('refuses an export whose bytes no longer match the intake fingerprint, leaving no file', async () => {
    const { vault } = await vaultWithIncident();
    const record = addEvidence(vault.db, { incidentId: INCIDENT, path: file('p.png', pngImage(32, 32)), actor: 'tester' });
    vault.db.prepare('UPDATE evidence_chunk SET data = ? WHERE evidence_id = ? AND seq = 0').run(pngImage(32, 32, [0, 0, 0]), record.id);
    const outDir = tempDir();
    expect(() => exportEvidence(vault.db, record.id, join(outDir, 'p.png'), 'tester')).toThrow(expect.objectContaining({ code: 'evidence-damaged' }));
    expect(readdirSync(outDir)).toEqual([]);
    vault.close();
  });

  it('removes at the next unlock an intake that a crash cut off, and never lists it', async () => {
    const { vault, dir } = await vaultWithIncident();
    vault.db
      .prepare(`INSERT INTO evidence (id, incident_id, file_name, media_type, size, sha256, added_by, added_at, complete) VALUES ('half', ?, 'v.mp4', 'video/mp4', 9, '', 't', 'now', 0)`)
      .run(INCIDENT);
    vault.db.prepare(`INSERT INTO evidence_chunk (evidence_id, seq, data) VALUES ('half', 0, x'0102')`).run();
    expect(listEvidence(vault.db, INCIDENT)).toEqual([]);
    vault.close();
    const { unlockVault } = await import('../../electron/store/vault.ts');
    const reopened = await unlockVault(dir, 'correct horse battery');
    expect(reopened.db.prepare('SELECT count(*) FROM evidence_chunk').pluck().get()).toBe(0);
    expect(reopened.db.prepare('SELECT count(*) FROM evidence').pluck().get()).toBe(0);
    reopened.close();
  });

  it('enforces size and pixel limits before storing anything', async () => {
    const { vault } = await vaultWithIncident();
    const big = file('big.png', pngImage(100, 100));
    expect(() => addEvidence(vault.db, { incidentId: INCIDENT, path: big, actor: 't', limits: { maxBytes: 100, maxPixels: 1e8 } })).toThrow(
      expect.objectContaining({ code: 'evidence-too-large' }),
    );
    // 20,000 × 20,000 = 400 megapixels, declared in the header; refused without decoding anything.
    const huge = file('huge.png', pngImage(20_000, 20_000, [0, 0, 0], false));
    expect(() => addEvidence(vault.db, { incidentId: INCIDENT, path: huge, actor: 't' })).toThrow(expect.objectContaining({ code: 'image-too-large' }));
    expect(vault.db.prepare('SELECT count(*) FROM evidence_chunk').pluck().get()).toBe(0);
    expect(() => addEvidence(vault.db, { incidentId: 'no-such-incident', path: big, actor: 't' })).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(() => addEvidence(vault.db, { incidentId: INCIDENT, path: join(tempDir(), 'missing.png'), actor: 't' })).toThrow(expect.objectContaining({ code: 'io-error' }));
    vault.close();
  });
});
