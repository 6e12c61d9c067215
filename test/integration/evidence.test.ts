import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addEvidence, exportEvidence } from '../../electron/services/evidence/evidence-files.ts';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { listEvidence } from '../../electron/store/repositories/evidence-repository.ts';
import { createVault, type OpenVault } from '../../electron/store/vault.ts';
import { EvidenceService } from '../../electron/services/evidence/evidence-service.ts';
import { readSettings } from '../../electron/store/repositories/settings-repository.ts';
import { gifHeaders, heicHeaders, jpegHeaders, pngImage, tiffHeaders, webpHeaders } from '../support/images.ts';
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

  it("reads a JPEG's size wherever its frame header lies: after 2 MiB of EXIF, 60,000 × 60,000 is refused, 6,000 × 6,000 previews, 7,000 × 7,000 is stored without a preview, no frame header is refused", async () => {
    const { vault } = await vaultWithIncident();
    const evidence = new EvidenceService(() => vault.db, () => readSettings(vault.db), 'tester');
    const exif = 2 * 1024 ** 2;
    const huge = jpegHeaders(60_000, 60_000, { exifBytes: exif });
    // The frame header lies past the first 2 MiB, where a look at the first MiB never reaches.
    expect(huge.indexOf(Buffer.from([0xff, 0xc0]))).toBeGreaterThan(exif);
    expect(() => evidence.add(INCIDENT, [file('huge.jpg', huge)])).toThrow(expect.objectContaining({ code: 'image-too-large', detail: '60000×60000 pixels' }));
    expect(() => evidence.add(INCIDENT, [file('no-frame.jpg', jpegHeaders(1, 1, { exifBytes: exif, frame: false }))])).toThrow(expect.objectContaining({ code: 'image-unreadable' }));
    expect(vault.db.prepare('SELECT count(*) FROM evidence_chunk').pluck().get()).toBe(0);

    const [shown] = evidence.add(INCIDENT, [file('36mp.jpg', jpegHeaders(6000, 6000, { exifBytes: exif }))]);
    expect(shown).toMatchObject({ mediaType: 'image/jpeg', width: 6000, height: 6000 });
    expect(evidence.preview(shown!.id).dataUrl).toMatch(/^data:image\/jpeg;base64,/);
    const [hidden] = evidence.add(INCIDENT, [file('49mp.jpg', jpegHeaders(7000, 7000, { exifBytes: exif }))]);
    expect(hidden).toMatchObject({ width: 7000, height: 7000 });
    expect(evidence.preview(hidden!.id)).toEqual({ record: hidden, dataUrl: null });
    vault.close();
  });

  it('reads the size of every image type it takes, wherever the header is, and refuses one whose size cannot be read', async () => {
    const { vault } = await vaultWithIncident();
    const add = (name: string, bytes: Buffer) => addEvidence(vault.db, { incidentId: INCIDENT, path: file(name, bytes), actor: 't' });
    const refused = (name: string, bytes: Buffer, code: string) => expect(() => add(name, bytes)).toThrow(expect.objectContaining({ code }));
    // GIF: a small logical screen whose first frame is 20,000 × 20,000 is sized by the frame, as the window's decoder sizes it.
    expect(add('small.gif', gifHeaders([10, 10], [4, 4]))).toMatchObject({ mediaType: 'image/gif', width: 10, height: 10 });
    refused('frame.gif', gifHeaders([10, 10], [20_000, 20_000]), 'image-too-large');
    expect(add('canvas.webp', webpHeaders(1600, 1200))).toMatchObject({ mediaType: 'image/webp', width: 1600, height: 1200 });
    refused('canvas.webp', webpHeaders(16_000, 16_000), 'image-too-large');
    // TIFF and HEIC keep their size after the image data: read from the end of a 2 MiB file.
    expect(add('scan.tif', tiffHeaders(2480, 3508, 2 * 1024 ** 2))).toMatchObject({ mediaType: 'image/tiff', width: 2480, height: 3508 });
    refused('scan.tif', tiffHeaders(12_000, 12_000, 2 * 1024 ** 2), 'image-too-large');
    expect(add('photo.heic', heicHeaders(4032, 3024, 2 * 1024 ** 2))).toMatchObject({ mediaType: 'image/heic', width: 4032, height: 3024 });
    refused('photo.heic', heicHeaders(20_000, 20_000, 2 * 1024 ** 2), 'image-too-large');
    // Sizes that cannot be read: a PNG whose first chunk is not IHDR, a GIF of 0 × 0, a TIFF without a directory.
    const png = pngImage(4, 4);
    refused('odd.png', Buffer.concat([png.subarray(0, 12), Buffer.from('tEXt'), png.subarray(16)]), 'image-unreadable');
    refused('empty.gif', gifHeaders([0, 0], [0, 0]), 'image-unreadable');
    refused('cut.tif', tiffHeaders(100, 100, 0).subarray(0, 8), 'image-unreadable');
    vault.close();
  });
});
