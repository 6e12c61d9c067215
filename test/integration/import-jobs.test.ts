/* eslint-disable @typescript-eslint/no-explicit-any -- IPC replies are plain JSON, checked by value in the assertions */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app.ts';
import { scriptedDialogs } from '../support/scripted-dialogs.ts';
import { importGate } from '../support/import-gate.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';
import { passphraseBytes } from '../support/passphrase.ts';

const FIXTURE = readFileSync(new URL('../fixtures/border-detention.json', import.meta.url), 'utf8');
type Reply = { ok: boolean; value?: any; error?: { code: string; detail?: string } };

async function unlockedApp() {
  const dialogs = scriptedDialogs();
  const gate = importGate();
  const app = createApp({ dataDir: tempDir(), dialogs, actor: 'tester', kdf: FAST_KDF, afterImportBatch: gate.afterBatch });
  const call = (channel: string, input: unknown = {}) => app.router.handle(channel, input) as Promise<Reply>;
  await call('vault:create', { passphrase: passphraseBytes('correct horse battery') });
  /** Chooses `path` in the (scripted) open dialog; returns its token. */
  const choose = async (path: string) => {
    dialogs.next.push(path);
    return (await call('import:choose')).value.token as string;
  };
  /** Polls a job until it is no longer running (it waits for an outcome, not for a time), recording every status seen. */
  const settled = async (jobId: string, seen: any[] = []) => {
    for (;;) {
      const status = (await call('import:status', { jobId })).value;
      seen.push(status);
      if (status.state !== 'running') return status;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  /** Starts a job and polls it to the end. */
  const run = async (input: Record<string, unknown>, seen: any[] = []) => settled((await call('import:start', input)).value.jobId, seen);
  return { app, call, choose, run, gate, settled };
}

const header = 'Название,Дата,Вид нарушения,Место,Страна\n';

describe('imports as jobs from the window', () => {
  it('previews a spreadsheet, reports problems by row and column, writes nothing unless asked for the valid rows only', async () => {
    const { call, choose, run } = await unlockedApp();
    const csv = join(tempDir(), 'register.csv');
    writeFileSync(csv, `${header}Задержание,2024-03-11,Пытки,КПП «Фотех»,KZ\n<img src=x onerror=alert(1)>,2024-13-01,выдумка,,\nБез страны,2024-03-12,,Кордай,\n`);
    const token = await choose(csv);
    const preview = await run({ token, mode: 'check' });
    expect(preview.report).toMatchObject({ headers: ['Название', 'Дата', 'Вид нарушения', 'Место', 'Страна'], rowCount: 3, suggestedMapping: { title: 0, startDate: 1, violationTypes: 2, place: 3, country: 4 }, counts: null });

    const mapping = preview.report.suggestedMapping;
    const checked = await run({ token, mapping, mode: 'check' });
    expect(checked.report).toMatchObject({ validRows: 1, invalidRows: 2, counts: null });
    expect(checked.report.rowIssues).toEqual([
      { row: 3, column: 'Дата', field: 'startDate', problem: 'invalid-date', value: '2024-13-01' },
      { row: 3, column: 'Вид нарушения', field: 'violationTypes', problem: 'unknown-code', value: 'выдумка' },
      { row: 4, column: 'Страна', field: 'country', problem: 'place-needs-country', value: '' },
    ]);
    expect((await run({ token, mapping, mode: 'all-or-nothing' })).report.counts).toBeNull();
    expect((await call('incidents:count', {})).value.total).toBe(0);
    const partial = await run({ token, mapping, mode: 'valid-rows-only' });
    expect(partial.report.counts).toMatchObject({ created: { incidents: 1, places: 1 } });
    expect((await call('incidents:count', {})).value.total).toBe(1);

    expect(await call('import:start', { token: '00000000-0000-4000-8000-000000000000', mode: 'check' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('import:start', { token, mapping: { title: -1 }, mode: 'check' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('imports interchange JSON, and refuses a file with an invalid counterpart by its JSON path, nothing written', async () => {
    const { call, choose, run } = await unlockedApp();
    const dir = tempDir();
    const good = join(dir, 'dossier.json');
    writeFileSync(good, FIXTURE);
    expect((await run({ token: await choose(good), mode: 'all-or-nothing' })).report.counts).toMatchObject({ created: { incidents: 2, persons: 2, places: 2 } });
    const withLetters = JSON.parse(FIXTURE);
    withLetters.incidents[0].title = 'изменено';
    withLetters.counterparts = [{ id: 'cp-1', institution: 'x', position: 'y', name: 'z' }];
    const bad = join(dir, 'with-counterparts.json');
    writeFileSync(bad, JSON.stringify(withLetters));
    const refused = await run({ token: await choose(bad), mode: 'all-or-nothing' });
    expect(refused.report).toMatchObject({ counts: null, pathIssues: [{ path: '$.counterparts[0].country', problem: 'invalid' }] });
    expect((await call('incidents:get', { id: 'in-fotekh-2024-03' })).value.incident.title).not.toBe('изменено');
  });

  it('shows progress over 100,000 rows, refuses other writes meanwhile, and cancels leaving the store as it was', async () => {
    const { call, choose, app, gate, settled } = await unlockedApp();
    const rows = Array.from({ length: 100_000 }, (_, i) => `Задержание № ${i + 1},2024-${String((i % 12) + 1).padStart(2, '0')}-15,Произвольное задержание,КПП «Фотех»,KZ`);
    const csv = join(tempDir(), 'big.csv');
    writeFileSync(csv, `${header}${rows.join('\n')}\n`);
    const token = await choose(csv);
    const mapping = { title: 0, startDate: 1, violationTypes: 2, place: 3, country: 4 };

    // Held after its first written batch (transaction open): the steps below happen mid-write by construction,
    // not because the import happened to be slow.
    const firstBatch = gate.holdNext();
    const { jobId } = (await call('import:start', { token, mapping, mode: 'all-or-nothing' })).value;
    const held = await firstBatch;
    expect(held).toMatchObject({ done: 500, total: 100_001 });
    expect((await call('import:status', { jobId })).value).toMatchObject({ state: 'running', phase: 'writing', done: 500, total: 100_001 });
    // While the import writes, reads work and writes wait.
    expect((await call('incidents:search', { limit: 1 })).ok).toBe(true);
    expect(await call('places:save', { id: 'pl-x', name: 'x', kind: 'other', country: 'KZ' })).toMatchObject({ ok: false, error: { code: 'store-in-use' } });
    expect(await call('import:start', { token, mapping, mode: 'check' })).toMatchObject({ ok: false, error: { code: 'store-in-use' } });
    await call('import:cancel', { jobId });
    held.release();
    expect(await settled(jobId)).toMatchObject({ state: 'cancelled' });
    expect((await call('incidents:count', {})).value.total).toBe(0);
    expect((await call('places:list')).value).toEqual([]);
    expect(app.session.store().prepare("SELECT count(*) FROM audit_log WHERE action = 'incident.create'").pluck().get()).toBe(0);

    // Locking mid-import: the connection closes, the transaction goes with it.
    const nextBatch = gate.holdNext();
    const second = (await call('import:start', { token, mapping, mode: 'all-or-nothing' })).value.jobId;
    const heldAgain = await nextBatch;
    await call('vault:lock');
    heldAgain.release();
    await call('vault:unlock', { passphrase: passphraseBytes('correct horse battery') });
    expect(await call('incidents:count', {})).toEqual({ ok: true, value: { total: 0 } });
    expect(await call('import:status', { jobId: second })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
