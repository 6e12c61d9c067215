import { readFileSync } from 'node:fs';
import { scriptedDialogs } from '../support/scripted-dialogs.ts';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app.ts';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { verifyAuditChain } from '../../electron/store/audit.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';
import { passphraseBytes } from '../support/passphrase.ts';

const FIXTURE = readFileSync(new URL('../fixtures/border-detention.json', import.meta.url), 'utf8');
const PASS = 'correct horse battery';
const noDialogs = scriptedDialogs();

describe('case records over IPC', () => {
  it('searches, reads with computed facts, saves with audit, adds terms, suggests duplicates; refuses bad input and a locked vault', async () => {
    const app = createApp({ dataDir: tempDir(), dialogs: noDialogs, actor: 'tester', kdf: FAST_KDF });
    const call = (channel: string, input: unknown) => app.router.handle(channel, input);
    expect(await call('incidents:search', {})).toMatchObject({ ok: false, error: { code: 'vault-not-found' } });
    await call('vault:create', { passphrase: passphraseBytes(PASS) });
    const db = app.session.store();
    await importInBatches(db, parseInterchange(db, FIXTURE), 'tester');

    expect(await call('incidents:search', { text: 'ғизо', from: '2024-03-01' })).toEqual({
      ok: true,
      value: [{ id: 'in-fotekh-2024-03', title: 'Боздошти шаҳрвандон дар гузаргоҳи сарҳадии Фотех', startDate: '2024-03-11', endDate: '2024-03-14', status: 'documented', placeName: 'КПП «Фотех»', peopleAffected: 40 }],
    });
    const got = await call('incidents:get', { id: 'in-fotekh-2024-03' });
    expect(got).toMatchObject({ ok: true, value: { facts: { durationDays: 4, peopleAffected: 40 }, incident: { placeId: 'pl-fotekh' } } });

    const incident = (got as { value: { incident: Record<string, unknown> } }).value.incident;
    expect(await call('incidents:save', { ...incident, title: 'Боздошт дар Фотех (нав)' })).toEqual({ ok: true, value: { id: 'in-fotekh-2024-03', created: false } });
    expect(await call('incidents:save', { ...incident, id: 'in-new', violationTypes: ['torture', 'made-up'], placeId: 'pl-nowhere' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', detail: 'violationTypes[1], placeId' },
    });
    expect(await call('incidents:save', { ...incident, id: 'in-new', startDate: '2024-02-30' })).toMatchObject({ ok: false, error: { code: 'invalid-input', detail: 'startDate' } });
    expect(await call('incidents:get', { id: 'in-new' })).toMatchObject({ ok: false, error: { code: 'not-found' } });

    const term = { kind: 'method', code: 'forced-labour', labels: { tg: 'Меҳнати маҷбурӣ', ru: 'Принудительный труд', en: 'Forced labour' } };
    expect(await call('vocabulary:add', term)).toEqual({ ok: true, value: { code: 'forced-labour', labels: term.labels } });
    expect(await call('vocabulary:add', term)).toMatchObject({ ok: false, error: { code: 'invalid-input', detail: 'code exists' } });
    expect(await call('incidents:save', { ...incident, methods: ['forced-labour'] })).toMatchObject({ ok: true });
    const methods = (await call('vocabulary:list', { kind: 'method' })) as { value: { code: string }[] };
    expect(methods.value.at(-1)?.code).toBe('forced-labour');

    expect(await call('persons:suggestDuplicates', { name: 'Rakhimov Jamshed', birthDate: '1991-04-17' })).toEqual({
      ok: true,
      value: [{ personId: 'ps-rahimov', name: 'Раҳимов Ҷамшед', reasons: ['same-name', 'same-birth-date'] }],
    });
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
    expect(db.prepare(`SELECT action FROM audit_log ORDER BY seq DESC LIMIT 3`).pluck().all()).toEqual(['incident.update', 'vocabulary.add', 'incident.update']);

    app.lock('user');
    expect(await call('incidents:search', { text: 'ғизо' })).toMatchObject({ ok: false, error: { code: 'vault-locked' } });
    app.dispose();
  });
});
