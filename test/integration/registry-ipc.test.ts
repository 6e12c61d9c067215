/* eslint-disable @typescript-eslint/no-explicit-any -- IPC replies are plain JSON, checked by value in the assertions */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app.ts';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { scriptedDialogs } from '../support/scripted-dialogs.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

describe('the registry over IPC', () => {
  it('lists letters with their state, registers under the next number, refuses bad links, gives the ledger as data', async () => {
    const app = createApp({ dataDir: tempDir(), dialogs: scriptedDialogs(), actor: 'registrar', kdf: FAST_KDF });
    const call = (channel: string, input: unknown = {}) => app.router.handle(channel, input) as Promise<{ ok: boolean; value?: any; error?: { code: string; detail?: string } }>;
    await call('vault:create', { passphrase: 'correct horse battery' });
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
});
