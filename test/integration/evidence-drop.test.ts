/* eslint-disable @typescript-eslint/no-explicit-any -- IPC replies are plain JSON, checked by value in the assertions */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app.ts';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { verifyAuditChain } from '../../electron/store/audit.ts';
import { unlockVault } from '../../electron/store/vault.ts';
import { DROP_CHUNK_BYTES, MAX_OPEN_DROPS } from '../../shared/domain/evidence-drop.ts';
import { dropBytes } from '../support/drop.ts';
import { jpegHeaders, pngImage } from '../support/images.ts';
import { scriptedDialogs } from '../support/scripted-dialogs.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';
import { passphraseBytes } from '../support/passphrase.ts';

const FIXTURE = readFileSync(new URL('../fixtures/border-detention.json', import.meta.url), 'utf8');
const PASS = 'correct horse battery';
const INCIDENT = 'in-fotekh-2024-03';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
type Reply = { ok: boolean; value?: any; error?: { code: string; detail?: string } };

async function unlockedApp() {
  const dialogs = scriptedDialogs();
  const dataDir = tempDir();
  const app = createApp({ dataDir, dialogs, actor: 'tester', kdf: FAST_KDF });
  const call = (channel: string, input: unknown = {}) => app.router.handle(channel, input) as Promise<Reply>;
  await call('vault:create', { passphrase: passphraseBytes(PASS) });
  const db = app.session.store();
  await importInBatches(db, parseInterchange(db, FIXTURE), 'tester');
  const rows = () => ({
    evidence: db.prepare('SELECT count(*) FROM evidence').pluck().get(),
    chunks: db.prepare('SELECT count(*) FROM evidence_chunk').pluck().get(),
  });
  return { app, call, dialogs, dataDir, rows };
}

/** Bytes that differ in every chunk, so a chunk stored out of place would change the SHA-256. */
const patterned = (size: number) => Buffer.alloc(size).map((_, i) => (i * 31 + (i >> 20) * 7) & 0xff);

describe('files dropped onto the window reach main as bytes, never as a path', () => {
  it('has no channel that takes a path from the window: /etc/passwd and a canary file cannot be read into the store', async () => {
    const { app, call, rows } = await unlockedApp();
    const canary = join(tempDir(), 'canary.txt');
    writeFileSync(canary, 'CANARY-7f3a9c not for the window to read');
    for (const path of ['/etc/passwd', canary]) {
      expect(await call('evidence:addDropped', { incidentId: INCIDENT, paths: [path] })).toEqual({ ok: false, error: { code: 'invalid-input', detail: 'unknown channel' } });
      // The new channels take a name and bytes only: a path given as the name is a name, and nothing is read.
      expect(await call('evidence:dropStart', { incidentId: INCIDENT, fileName: path, size: 0, paths: [path] })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(rows()).toEqual({ evidence: 0, chunks: 0 });
    // What is stored is the bytes the window sent, whatever the name says.
    const sent = Buffer.from('typed in the window');
    const named = (await dropBytes(app.router, INCIDENT, canary, sent)) as Reply;
    expect(named.value).toMatchObject({ fileName: 'canary.txt', size: sent.length, sha256: sha256(sent) });
    expect(app.session.store().prepare('SELECT data FROM evidence_chunk').pluck().all()).toEqual([sent]);
  });

  it('stores a dropped file of several chunks with the SHA-256 main computed, and exports the same bytes', async () => {
    const { app, call, dialogs, rows } = await unlockedApp();
    const bytes = Buffer.concat([pngImage(64, 48), patterned(2 * DROP_CHUNK_BYTES + 12_345)]);
    const stored = (await dropBytes(app.router, INCIDENT, 'C:\\Users\\clerk\\Desktop\\photo\u0007 1.png', bytes)) as Reply;
    expect(stored.value).toMatchObject({ incidentId: INCIDENT, fileName: 'photo 1.png', mediaType: 'image/png', width: 64, height: 48, size: bytes.length, sha256: sha256(bytes), addedBy: 'tester' });
    expect(rows()).toEqual({ evidence: 1, chunks: 3 });
    const out = join(tempDir(), 'copy.png');
    dialogs.next.push(out);
    expect((await call('evidence:export', { id: stored.value.id })).ok).toBe(true);
    expect(readFileSync(out).equals(bytes)).toBe(true);
    expect(verifyAuditChain(app.session.store())).toMatchObject({ ok: true });
    // An empty file is a file too.
    expect(((await dropBytes(app.router, INCIDENT, 'empty.txt', Buffer.alloc(0))) as Reply).value).toMatchObject({ size: 0, sha256: sha256(Buffer.alloc(0)), mediaType: 'application/octet-stream' });
  });

  it('measures a dropped picture over the whole file: a frame header past the first MiB is found, an unknown size refused', async () => {
    const { app, rows } = await unlockedApp();
    // A 60,000 × 60,000 JPEG whose frame header follows 3 MiB of EXIF: not in the first chunk, found at the end.
    expect(await dropBytes(app.router, INCIDENT, 'huge.jpg', jpegHeaders(60_000, 60_000, { exifBytes: 3 * 1024 ** 2 }))).toMatchObject({ ok: false, error: { code: 'image-too-large' } });
    expect(await dropBytes(app.router, INCIDENT, 'no-frame.jpg', jpegHeaders(1, 1, { frame: false }))).toMatchObject({ ok: false, error: { code: 'image-unreadable' } });
    expect(rows()).toEqual({ evidence: 0, chunks: 0 });
    const photo = (await dropBytes(app.router, INCIDENT, 'photo.jpg', jpegHeaders(4000, 3000, { exifBytes: 2 * 1024 ** 2 }))) as Reply;
    expect(photo.value).toMatchObject({ mediaType: 'image/jpeg', width: 4000, height: 3000 });
    expect((await app.router.handle('evidence:list', { incidentId: INCIDENT })) as Reply).toMatchObject({ value: [{ width: 4000, height: 3000 }] });
    expect(rows()).toEqual({ evidence: 1, chunks: 3 });
  });

  it('enforces its limits in main, and a refused drop leaves nothing in the store', async () => {
    const { app, call, rows } = await unlockedApp();
    const start = async (size: number, fileName = 'f.bin') => (await call('evidence:dropStart', { incidentId: INCIDENT, fileName, size })).value.dropId as string;
    const chunk = (dropId: string, index: number, bytes: Uint8Array | unknown) => call('evidence:dropChunk', { dropId, index, bytes });

    // The size limit from settings, on the declared size, before any byte is sent.
    expect((await call('settings:update', { evidenceMaxMiB: 2 })).ok).toBe(true);
    expect(await call('evidence:dropStart', { incidentId: INCIDENT, fileName: 'big.mp4', size: 2 * 1024 ** 2 + 1 })).toMatchObject({ ok: false, error: { code: 'evidence-too-large' } });
    expect(await call('evidence:dropStart', { incidentId: 'in-nowhere', fileName: 'f.bin', size: 1 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // A chunk larger than 1 MiB, or not bytes at all, is refused by the contract.
    const a = await start(10);
    expect(await chunk(a, 0, new Uint8Array(DROP_CHUNK_BYTES + 1))).toMatchObject({ ok: false, error: { code: 'invalid-input', detail: 'bytes' } });
    expect(await chunk(a, 0, [1, 2, 3])).toMatchObject({ ok: false, error: { code: 'invalid-input', detail: 'bytes' } });
    expect(await chunk(a, 0, 'AAAA')).toMatchObject({ ok: false, error: { code: 'invalid-input', detail: 'bytes' } });
    // More bytes than declared: refused, and the drop is over.
    expect(await chunk(a, 0, new Uint8Array(11))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await chunk(a, 0, new Uint8Array(10))).toMatchObject({ ok: false, error: { code: 'not-found', detail: 'drop' } });
    // Chunks out of order, a short chunk before the last, a finish before the end: refused, the row removed.
    const b = await start(DROP_CHUNK_BYTES + 5);
    expect(await chunk(b, 1, new Uint8Array(5))).toMatchObject({ ok: false, error: { code: 'invalid-input', detail: 'index: expected chunk 0' } });
    const c = await start(DROP_CHUNK_BYTES + 5);
    expect(await chunk(c, 0, new Uint8Array(5))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const d = await start(DROP_CHUNK_BYTES + 5);
    expect((await chunk(d, 0, new Uint8Array(DROP_CHUNK_BYTES))).value).toEqual({ received: DROP_CHUNK_BYTES });
    expect(rows()).toEqual({ evidence: 1, chunks: 1 }); // in the store, incomplete: listed nowhere
    expect((await call('evidence:list', { incidentId: INCIDENT })).value).toEqual([]);
    expect(await call('evidence:dropFinish', { dropId: d })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(rows()).toEqual({ evidence: 0, chunks: 0 });
    // A picture too large to decode is refused at its header, before anything is kept.
    expect(await dropBytes(app.router, INCIDENT, 'huge.png', pngImage(20_000, 20_000, undefined, false))).toMatchObject({ ok: false, error: { code: 'image-too-large' } });
    // A few drops at a time; a cancelled one removes what it stored and frees its place.
    const open: string[] = [];
    for (let n = 0; n < MAX_OPEN_DROPS; n += 1) open.push(await start(DROP_CHUNK_BYTES + 1));
    expect(await call('evidence:dropStart', { incidentId: INCIDENT, fileName: 'f.bin', size: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await chunk(open[0]!, 0, new Uint8Array(DROP_CHUNK_BYTES))).ok).toBe(true);
    for (const dropId of open) expect(await call('evidence:dropCancel', { dropId })).toEqual({ ok: true, value: {} });
    expect(rows()).toEqual({ evidence: 0, chunks: 0 });
    expect(await call('evidence:dropFinish', { dropId: open[0]! })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('a lock ends every drop; what it had stored is gone at the next unlock', async () => {
    const { app, call, dataDir } = await unlockedApp();
    const { dropId } = (await call('evidence:dropStart', { incidentId: INCIDENT, fileName: 'f.bin', size: DROP_CHUNK_BYTES + 1 })).value;
    expect((await call('evidence:dropChunk', { dropId, index: 0, bytes: new Uint8Array(DROP_CHUNK_BYTES) })).ok).toBe(true);
    app.lock('user');
    expect(await call('evidence:dropChunk', { dropId, index: 1, bytes: new Uint8Array(1) })).toMatchObject({ ok: false, error: { code: 'not-found', detail: 'drop' } });
    app.dispose();
    const vault = await unlockVault(dataDir, PASS);
    expect(vault.db.prepare('SELECT count(*) FROM evidence').pluck().get()).toBe(0);
    expect(vault.db.prepare('SELECT count(*) FROM evidence_chunk').pluck().get()).toBe(0);
    vault.close();
    const again = createApp({ dataDir, dialogs: scriptedDialogs(), actor: 'tester' });
    expect((await again.router.handle('vault:unlock', { passphrase: passphraseBytes(PASS) })).ok).toBe(true);
    expect(await again.router.handle('evidence:dropChunk', { dropId, index: 1, bytes: new Uint8Array(1) })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    again.dispose();
  });
});
