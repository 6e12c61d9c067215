/* eslint-disable @typescript-eslint/no-explicit-any -- IPC replies are plain JSON, checked by value in the assertions */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app.ts';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { scriptedDialogs } from '../support/scripted-dialogs.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';
import { passphraseBytes } from '../support/passphrase.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

describe('the registry over IPC', () => {
  it('lists letters with their state, registers under the next number, refuses bad links, gives the ledger as data', async () => {
    const app = createApp({ dataDir: tempDir(), dialogs: scriptedDialogs(), actor: 'registrar', kdf: FAST_KDF });
    const call = (channel: string, input: unknown = {}) => app.router.handle(channel, input) as Promise<{ ok: boolean; value?: any; error?: { code: string; detail?: string } }>;
    await call('vault:create', { passphrase: passphraseBytes('correct horse battery') });
    const db = app.session.store();
    for (const name of ['border-detention.json', 'kz-ombudsman-letters.json']) await importInBatches(db, parseInterchange(db, fixture(name)), 'tester');

    const ledger = await call('ledger:get', { counterpartId: 'cp-kz-ombudsman', asOf: '2025-01-10' });
    expect(ledger.value).toMatchObject({ sent: 11, answered: 1, unanswered: 10, overdue: 10, oldestUnanswered: { number: '01-12/100', daysWaiting: 361 } });
    const register = (await call('letters:list', { counterpartId: 'cp-kz-ombudsman', asOf: '2025-01-10' })).value as { letter: { id: string }; state: string; replies: string[] }[];
    expect(register.find((entry) => entry.letter.id === 'out-11')).toMatchObject({ state: 'answered', replies: ['in-reply-1'] });
    expect(register.filter((entry) => entry.state === 'overdue')).toHaveLength(10);

    const registered = await call('letters:registerOutgoing', { id: 'out-12', date: '2025-01-10', counterpartId: 'cp-kz-ombudsman', subject: 'Повторное обращение', incidentIds: ['in-fotekh-2024-03'], inReplyTo: undefined });
    expect(registered.value).toMatchObject({ number: '01-12/1', direction: 'outgoing', expectedReplyBy: '2025-02-10' });
    expect(await call('letters:registerIncoming', { id: 'x', number: '9', date: '2025-01-11', counterpartId: 'cp-kz-ombudsman', subject: 'Ответ', inReplyTo: 'out-12', response: 'nothing' })).toMatchObject({ ok: false, error: { code: 'invalid-input', detail: 'response' } });
    await call('counterparts:save', { id: 'cp-ru', institution: 'Уполномоченный по правам человека в РФ', position: 'Уполномоченный', name: 'Петрова Анна Сергеевна', country: 'RU' });
    expect(await call('letters:registerIncoming', { id: 'x', number: '9', date: '2025-01-11', counterpartId: 'cp-ru', subject: 'Ответ', inReplyTo: 'out-12' })).toMatchObject({ ok: false, error: { detail: 'inReplyTo: the letter answered belongs to another counterpart' } });
    expect(await call('registry:setNumbering', { pattern: '{prefix}/{index}' })).toMatchObject({ ok: false, error: { code: 'invalid-input', detail: 'pattern' } });
    expect(await call('registry:saveCalendar', { id: 'tj', name: 'TJ', fixed: ['04-31'], movable: [] })).toMatchObject({ ok: false, error: { code: 'invalid-input', detail: 'fixed.0' } });
    expect((await call('registry:calendar')).value.fixed).toContain('03-21');
    expect((await call('counterparts:list')).value.map((c: { id: string }) => c.id)).toEqual(['cp-ru', 'cp-kz-ombudsman']); // by institution
  });

  it('keeps a scan with a letter, encrypted like evidence, and saves a verified copy; refuses what it cannot keep', async () => {
    const dialogs = scriptedDialogs();
    const dataDir = tempDir();
    const app = createApp({ dataDir, dialogs, actor: 'registrar', kdf: FAST_KDF });
    const call = (channel: string, input: unknown = {}) => app.router.handle(channel, input) as Promise<{ ok: boolean; value?: any; error?: { code: string; detail?: string } }>;
    await call('vault:create', { passphrase: passphraseBytes('correct horse battery') });
    const db = app.session.store();
    for (const name of ['border-detention.json', 'kz-ombudsman-letters.json']) await importInBatches(db, parseInterchange(db, fixture(name)), 'tester');

    const files = tempDir();
    const scan = join(files, 'ответ-4-7-2291.pdf');
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3 * 1024 * 1024 + 17, 7), Buffer.from('CANARY-SCAN-7781\n%%EOF\n')]);
    writeFileSync(scan, bytes);
    dialogs.next.push(scan);
    const kept = await call('letters:attachScan', { letterId: 'in-reply-1' });
    expect(kept.value).toMatchObject({ letterId: 'in-reply-1', role: 'scan', fileName: 'ответ-4-7-2291.pdf', mediaType: 'application/pdf', size: bytes.length });
    expect((await call('letters:files', { letterId: 'in-reply-1' })).value).toHaveLength(1);
    // Nothing of the scan sits in the data folder in the clear.
    for (const name of readdirSync(dataDir)) expect(readFileSync(join(dataDir, name)).includes('CANARY-SCAN-7781')).toBe(false);

    const out = join(files, 'copy.pdf');
    dialogs.next.push(out);
    expect(await call('letters:exportFile', { id: kept.value.id })).toMatchObject({ ok: true, value: { saved: true, fileName: 'copy.pdf' } });
    expect(readFileSync(out).equals(bytes)).toBe(true);
    dialogs.next.push(null);
    expect(await call('letters:exportFile', { id: kept.value.id })).toMatchObject({ ok: true, value: { saved: false } });
    dialogs.next.push(null);
    expect(await call('letters:attachScan', { letterId: 'in-reply-1' })).toMatchObject({ ok: true, value: null });

    // A damaged chunk is caught on the way out: no file is left under the name.
    db.prepare('UPDATE letter_file_chunk SET data = zeroblob(length(data)) WHERE file_id = ? AND seq = 1').run(kept.value.id);
    const damaged = join(files, 'damaged.pdf');
    dialogs.next.push(damaged);
    expect(await call('letters:exportFile', { id: kept.value.id })).toMatchObject({ ok: false, error: { code: 'evidence-damaged' } });
    expect(readdirSync(files).sort()).toEqual(['copy.pdf', 'ответ-4-7-2291.pdf']);

    // Refusals: no such letter (before any dialog), a folder, a file over the size limit (nothing kept).
    expect(await call('letters:attachScan', { letterId: 'no-such-letter' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const folder = join(files, 'folder');
    mkdirSync(folder);
    dialogs.next.push(folder);
    expect(await call('letters:attachScan', { letterId: 'out-1' })).toMatchObject({ ok: false, error: { code: 'io-error' } });
    await call('settings:update', { evidenceMaxMiB: 1 });
    dialogs.next.push(scan);
    expect(await call('letters:attachScan', { letterId: 'out-1' })).toMatchObject({ ok: false, error: { code: 'evidence-too-large' } });
    expect((await call('letters:files', { letterId: 'out-1' })).value).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM letter_file WHERE complete = 0').pluck().get()).toBe(0);
  });
});
