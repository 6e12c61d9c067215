/* eslint-disable @typescript-eslint/no-explicit-any -- IPC replies are plain JSON, checked by value in the assertions */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app.ts';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { verifyAuditChain } from '../../electron/store/audit.ts';
import { dropBytes } from '../support/drop.ts';
import { pngImage } from '../support/images.ts';
import { scriptedDialogs } from '../support/scripted-dialogs.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';
import { passphraseBytes } from '../support/passphrase.ts';

const FIXTURE = readFileSync(new URL('../fixtures/border-detention.json', import.meta.url), 'utf8');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function unlockedApp() {
  const dialogs = scriptedDialogs();
  const app = createApp({ dataDir: tempDir(), dialogs, actor: 'tester', kdf: FAST_KDF });
  const call = async (channel: string, input: unknown = {}) => app.router.handle(channel, input) as Promise<{ ok: boolean; value?: any; error?: { code: string; detail?: string } }>;
  await call('vault:create', { passphrase: passphraseBytes('correct horse battery') });
  const db = app.session.store();
  await importInBatches(db, parseInterchange(db, FIXTURE), 'tester');
  return { app, call, dialogs, db };
}

describe('directories, saved searches and evidence over IPC', () => {
  it('lists persons by any spelling, merges a duplicate keeping links, and keeps places with counts', async () => {
    const { call, db } = await unlockedApp();
    const rahimov = { id: 'ps-rahimov-2', kind: 'individual', name: 'Рахимов Джамшед', birthDate: '1991-04-17', characteristics: ['students'], disclosure: 'consented' };
    expect(await call('persons:save', rahimov)).toEqual({ ok: true, value: { id: 'ps-rahimov-2', created: true } });
    const incident = (await call('incidents:get', { id: 'in-moscow-2024-10' })).value.incident;
    await call('incidents:save', { ...incident, id: 'in-second', victimIds: ['ps-rahimov-2'] });

    // Upper case, and ҳ typed as х: both spellings are found.
    const found = await call('persons:list', { text: 'РАХИМ' });
    expect(found.value.map((entry: { person: { id: string } }) => entry.person.id)).toEqual(['ps-rahimov-2', 'ps-rahimov']);
    const tajik = await call('persons:list', { text: 'раҳимов' });
    expect(tajik.value.map((entry: { person: { id: string }; incidentCount: number }) => [entry.person.id, entry.incidentCount]).sort()).toEqual([
      ['ps-rahimov', 1],
      ['ps-rahimov-2', 1],
    ]);
    expect((await call('persons:list', { text: 'Rakhimov' })).value).toHaveLength(1);
    expect((await call('persons:list', { text: '%' })).value).toHaveLength(0);

    const suggestions = await call('persons:suggestDuplicates', { id: 'ps-rahimov', name: 'Раҳимов Ҷамшед', birthDate: '1991-04-17' });
    expect(suggestions.value).toEqual([{ personId: 'ps-rahimov-2', name: 'Рахимов Джамшед', reasons: ['same-name', 'same-birth-date'] }]);
    const merged = await call('persons:merge', { keepId: 'ps-rahimov', duplicateId: 'ps-rahimov-2' });
    expect(merged.value).toMatchObject({ id: 'ps-rahimov', characteristics: ['migrant-workers', 'students'], disclosure: 'withheld' });
    expect((await call('incidents:get', { id: 'in-second' })).value.incident.victimIds).toEqual(['ps-rahimov']);
    expect(await call('persons:get', { id: 'ps-rahimov-2' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('persons:merge', { keepId: 'ps-rahimov', duplicateId: 'ps-rahimov' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call('persons:save', { ...rahimov, id: 'ps-x', characteristics: ['made-up'] })).toMatchObject({ ok: false, error: { code: 'invalid-input', detail: 'characteristics[0]' } });
    expect(await call('persons:save', { ...rahimov, id: 'ps-y', kind: 'group' })).toMatchObject({ ok: false, error: { code: 'invalid-input', detail: 'count' } });

    expect(await call('places:save', { id: 'pl-new', name: '<b>Пост</b> Кордай', kind: 'border-crossing', country: 'KZ' })).toEqual({ ok: true, value: { id: 'pl-new', created: true } });
    expect(await call('places:save', { id: 'pl-bad', name: 'x', kind: 'border-crossing', country: 'kz' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const places = (await call('places:list')).value as { place: { id: string; name: string }; incidentCount: number }[];
    expect(places.map((entry) => [entry.place.id, entry.incidentCount])).toEqual([
      ['pl-new', 0],
      ['pl-fotekh', 1],
      ['pl-moscow-tsvvsig', 2],
    ]);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
    const actions = db.prepare("SELECT action FROM audit_log WHERE action IN ('person.merge', 'place.create', 'person.create')").pluck().all();
    expect(actions).toEqual(expect.arrayContaining(['person.merge', 'place.create', 'person.create']));
  });

  it('saves, lists and deletes searches; counts and sorts incidents', async () => {
    const { call } = await unlockedApp();
    const search = { id: 's-1', name: 'Границы 2024', query: { text: 'ғизо', from: '2024-01-01', violationTypes: ['prolonged-border-detention'] } };
    expect((await call('searches:save', search)).value).toEqual([search]);
    expect((await call('searches:list')).value).toEqual([search]);
    expect(await call('searches:save', { ...search, query: { limit: 5 } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await call('searches:delete', { id: 's-1' })).value).toEqual([]);
    expect(await call('searches:delete', { id: 's-1' })).toMatchObject({ ok: false, error: { code: 'not-found' } });

    expect(await call('incidents:count', {})).toEqual({ ok: true, value: { total: 2 } });
    expect(await call('incidents:count', { text: 'гузаргох' })).toEqual({ ok: true, value: { total: 1 } });
    const byTitle = (await call('incidents:search', { sort: 'title', direction: 'asc' })).value.map((hit: { id: string }) => hit.id);
    expect(byTitle).toEqual(['in-fotekh-2024-03', 'in-moscow-2024-10']);
    const newest = (await call('incidents:search', { sort: 'startDate', direction: 'desc', limit: 1, offset: 0 })).value.map((hit: { id: string }) => hit.id);
    expect(newest).toEqual(['in-moscow-2024-10']);
  });

  it('adds evidence by picker and by drop, previews images, exports a re-hashed copy, and applies the size limit from settings', async () => {
    const { app, call, dialogs } = await unlockedApp();
    const dir = tempDir();
    const photos = [pngImage(320, 240), pngImage(200, 100, [0, 90, 0]), pngImage(50, 50, [0, 0, 200])];
    const paths = photos.map((bytes, i) => {
      const path = join(dir, `photo-${i + 1}.png`);
      writeFileSync(path, bytes);
      return path;
    });
    dialogs.next.push([paths[0]!, paths[1]!]);
    const picked = await call('evidence:add', { incidentId: 'in-fotekh-2024-03' });
    expect(picked.value.map((r: { sha256: string }) => r.sha256)).toEqual([sha256(photos[0]!), sha256(photos[1]!)]);
    dialogs.next.push(null);
    expect(await call('evidence:add', { incidentId: 'in-fotekh-2024-03' })).toEqual({ ok: true, value: [] });
    // Dropped files come as bytes (test/integration/evidence-drop.test.ts covers the channel and its limits).
    const dropped = (await dropBytes(app.router, 'in-fotekh-2024-03', 'photo-3.png', photos[2]!)) as any;
    expect(dropped.value).toMatchObject({ fileName: 'photo-3.png', mediaType: 'image/png', width: 50, height: 50, sha256: sha256(photos[2]!) });
    expect(await dropBytes(app.router, 'in-nowhere', 'photo-3.png', photos[2]!)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await call('evidence:list', { incidentId: 'in-fotekh-2024-03' })).value).toHaveLength(3);

    const preview = await call('evidence:preview', { id: dropped.value.id });
    expect(preview.value.dataUrl).toBe(`data:image/png;base64,${photos[2]!.toString('base64')}`);
    const statement = ((await dropBytes(app.router, 'in-fotekh-2024-03', 'statement.txt', Buffer.from('Показания свидетеля'))) as any).value;
    expect((await call('evidence:preview', { id: statement.id })).value.dataUrl).toBeNull();

    const out = join(dir, 'copy.png');
    dialogs.next.push(out);
    expect(await call('evidence:export', { id: picked.value[0].id })).toEqual({ ok: true, value: { saved: true, fileName: 'copy.png' } });
    expect(readFileSync(out)).toEqual(photos[0]);

    expect((await call('settings:update', { evidenceMaxMiB: 1 })).value).toMatchObject({ evidenceMaxMiB: 1 });
    const big = join(dir, 'video.mp4');
    writeFileSync(big, Buffer.alloc(1024 ** 2 + 1, 7));
    dialogs.next.push([big]);
    expect(await call('evidence:add', { incidentId: 'in-fotekh-2024-03' })).toMatchObject({ ok: false, error: { code: 'evidence-too-large' } });
    expect(await dropBytes(app.router, 'in-fotekh-2024-03', 'video.mp4', Buffer.alloc(1024 ** 2 + 1, 7))).toMatchObject({ ok: false, error: { code: 'evidence-too-large' } });
    expect(await call('settings:update', { evidenceMaxMiB: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
