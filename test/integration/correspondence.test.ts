import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CorrespondenceService } from '../../electron/services/correspondence-service.ts';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { verifyAuditChain } from '../../electron/store/audit.ts';
import { getIncident } from '../../electron/store/repositories/incident-repository.ts';
import { createVault } from '../../electron/store/vault.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';

const FIXTURE = readFileSync(new URL('../fixtures/border-detention.json', import.meta.url), 'utf8');
const COUNTERPART = {
  id: 'cp-kz-ombudsman',
  institution: 'Уполномоченный по правам человека в Республике Казахстан',
  position: 'Уполномоченный по правам человека',
  name: 'Иванова Татьяна Николаевна',
  country: 'KZ',
};

async function registry() {
  const { vault } = await createVault(tempDir(), 'correct horse battery', { actor: 'tester', kdf: FAST_KDF });
  await importInBatches(vault.db, parseInterchange(vault.db, FIXTURE), 'tester');
  const service = new CorrespondenceService(() => vault.db, 'registrar');
  service.saveCounterpart(COUNTERPART);
  service.saveCounterpart({ ...COUNTERPART, id: 'cp-ru', institution: 'Уполномоченный по правам человека в Российской Федерации', country: 'RU' });
  return { vault, service };
}

describe('correspondence registry', () => {
  it('11 letters to one counterpart over a year, one reply to the latest: numbers gapless, deadlines, incident status, ledger', async () => {
    const { vault, service } = await registry();
    expect(service.counterparts().find((c) => c.id === COUNTERPART.id)).toMatchObject({
      addresseeDative: 'Уполномоченному по правам человека\nИвановой Т.Н.',
      salutation: 'Уважаемая Татьяна Николаевна!',
      gender: 'female',
    });
    expect(service.saveCounterpart({ ...COUNTERPART, salutation: 'Уважаемая госпожа Иванова!' }).salutation).toBe('Уважаемая госпожа Иванова!');
    service.saveCalendar({ id: 'tj', name: 'Тоҷикистон', fixed: ['01-01', '03-08', '03-21', '03-22', '03-23', '03-24', '05-01', '05-09', '06-27', '09-09', '11-06'], movable: ['2024-04-10', '2024-06-16'] });
    const sent = Array.from({ length: 11 }, (_, i) =>
      service.registerOutgoing({ id: `out-${i + 1}`, date: `2024-${String(i + 1).padStart(2, '0')}-15`, counterpartId: COUNTERPART.id, subject: 'О задержании граждан на КПП «Фотех»', incidentIds: ['in-fotekh-2024-03'] }),
    );
    expect(sent.map((letter) => letter.number)).toEqual(Array.from({ length: 11 }, (_, i) => `01-12/${i + 1}`));
    // 30 calendar days after 7 October would end on 6 November (a holiday): the next working day. Here: 15 Oct → 14 Nov.
    expect(sent[9]!.expectedReplyBy).toBe('2024-11-14');
    expect(getIncident(vault.db, 'in-fotekh-2024-03')!.status).toBe('raised');

    const reply = service.registerIncoming({ id: 'in-reply', number: '4/7-2291', date: '2024-11-29', counterpartId: COUNTERPART.id, subject: 'Ответ на № 01-12/11', inReplyTo: 'out-11', response: 'token-response' });
    expect(reply.direction).toBe('incoming');
    expect(getIncident(vault.db, 'in-fotekh-2024-03')!.status).toBe('answered');

    const ledger = service.ledger(COUNTERPART.id, '2025-01-10');
    expect(ledger).toMatchObject({ sent: 11, answered: 1, unanswered: 10, overdue: 10, oldestUnanswered: { number: '01-12/1', date: '2024-01-15', daysWaiting: 361 } });
    expect(service.ledger('cp-ru', '2025-01-10')).toMatchObject({ sent: 0, oldestUnanswered: null });

    // A new year starts its own sequence.
    expect(service.registerOutgoing({ id: 'out-2025', date: '2025-01-09', counterpartId: COUNTERPART.id, subject: 'Повторно', incidentIds: [] }).number).toBe('01-12/1');
    expect(verifyAuditChain(vault.db)).toMatchObject({ ok: true });
  });

  it('refuses bad input: a reply before its letter, across counterparts, duplicate numbers, a pattern without a sequence, impossible holidays, deletion', async () => {
    const { service } = await registry();
    service.registerOutgoing({ id: 'out-1', date: '2024-10-15', counterpartId: COUNTERPART.id, subject: 'Обращение', incidentIds: [] });
    const incoming = { id: 'in-1', number: '12-345', date: '2024-10-01', counterpartId: COUNTERPART.id, subject: 'Ответ', inReplyTo: 'out-1' };
    expect(() => service.registerIncoming(incoming)).toThrow(expect.objectContaining({ code: 'invalid-input', detail: expect.stringContaining('before the letter it answers') }));
    expect(() => service.registerIncoming({ ...incoming, date: '2024-11-01', counterpartId: 'cp-ru' })).toThrow(expect.objectContaining({ detail: expect.stringContaining('another counterpart') }));
    service.registerIncoming({ ...incoming, date: '2024-11-01' });
    expect(() => service.registerIncoming({ ...incoming, id: 'in-2', date: '2024-11-02' })).toThrow(expect.objectContaining({ detail: 'number 12-345 is already registered' }));
    expect(() => service.registerIncoming({ ...incoming, id: 'in-3', number: 'x', incidentIds: ['in-nowhere'], date: '2024-11-02' })).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(() => service.setNumbering({ pattern: '{prefix}-{index}' })).toThrow(expect.objectContaining({ code: 'invalid-input', detail: 'pattern' }));
    expect(() => service.saveCalendar({ id: 'tj', name: 'x', fixed: ['02-30'], movable: ['2025-13-01'] })).toThrow(expect.objectContaining({ code: 'invalid-input', detail: 'fixed.0, movable.0' }));
    expect(() => service.delete('out-1')).toThrow(expect.objectContaining({ detail: '1 letter(s) reply to this letter; registered letters are annulled with a reason, never deleted' }));
    const annulled = service.annul('out-1', 'Зарегистрировано по ошибке', '2024-11-03');
    expect(annulled.annulled).toEqual({ reason: 'Зарегистрировано по ошибке', date: '2024-11-03' });
    expect(service.ledger(COUNTERPART.id, '2025-01-10').sent).toBe(0);
    expect(service.letters(COUNTERPART.id)).toHaveLength(2);

    service.setNumbering({ pattern: 'ОМБ/{yy}-{seq:3}' });
    expect(service.registerOutgoing({ id: 'out-2', date: '2024-12-01', counterpartId: COUNTERPART.id, subject: 'Повторное обращение', incidentIds: [] }).number).toBe('ОМБ/24-002');
  });
});
