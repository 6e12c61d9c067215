import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CorrespondenceService } from '../../electron/services/correspondence-service.ts';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { importFile } from '../../electron/services/interchange/import-file.ts';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { verifyAuditChain } from '../../electron/store/audit.ts';
import { getIncident } from '../../electron/store/repositories/incident-repository.ts';
import { createVault } from '../../electron/store/vault.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';

const FIXTURE = readFileSync(new URL('../fixtures/border-detention.json', import.meta.url), 'utf8');
const KZ = 'Уполномоченный по правам человека в Республике Казахстан';

async function registry() {
  const { vault } = await createVault(tempDir(), 'correct horse battery', { actor: 'tester', kdf: FAST_KDF });
  await importInBatches(vault.db, parseInterchange(vault.db, FIXTURE), 'tester');
  const service = new CorrespondenceService(() => vault.db, 'registrar');
  service.saveCounterpart({ id: 'cp-kz', institution: KZ, position: 'Уполномоченный по правам человека', name: 'Иванова Татьяна Николаевна', country: 'KZ' });
  service.saveCounterpart({ id: 'cp-ru', institution: 'Уполномоченный по правам человека в Российской Федерации', position: 'Уполномоченный', name: 'Петрова Анна Сергеевна', country: 'RU' });
  return { vault, service };
}

/** A register as an office keeps it in Excel, saved as CSV with semicolons: Russian headers, dd.mm.yyyy dates. */
function registerCsv(rows: string[]): string {
  const path = join(tempDir(), 'реестр.csv');
  writeFileSync(path, ['№;Дата;Вх/Исх;Адресат;Тема;В ответ на;Характер ответа;Инциденты', ...rows].join('\r\n'), 'utf8');
  return path;
}

const elevenAndAReply = [
  ...Array.from({ length: 11 }, (_, i) => `01-12/${i + 1};15.${String(i + 1).padStart(2, '0')}.2024;исх;${KZ};О задержании граждан на КПП «Фотех»;;;in-fotekh-2024-03`),
  `4/7-2291;29.11.2024;вх;${KZ};Ответ на № 01-12/11;01-12/11;token-response;`,
];

describe('importing an existing register from a spreadsheet', () => {
  it('maps a Russian register by its headers, links the reply by number, and gives 11 sent / 1 answered / 10 unanswered', async () => {
    const { vault, service } = await registry();
    const path = registerCsv(elevenAndAReply);
    const preview = await importFile(vault.db, { path, kind: 'letters', mode: 'check' }, 'tester');
    expect(preview.suggestedMapping).toEqual({ number: 0, date: 1, direction: 2, counterpart: 3, subject: 4, inReplyTo: 5, response: 6, incidentIds: 7 });

    const report = await importFile(vault.db, { path, kind: 'letters', mapping: preview.suggestedMapping, mode: 'all-or-nothing' }, 'tester');
    expect(report).toMatchObject({ validRows: 12, invalidRows: 0, issueCount: 0, counts: { created: { letters: 12 } } });
    expect(service.ledger('cp-kz', '2025-01-10')).toMatchObject({ sent: 11, answered: 1, unanswered: 10, overdue: 10, oldestUnanswered: { number: '01-12/1', date: '2024-01-15', daysWaiting: 361 } });
    const reply = service.letters('cp-kz').find((letter) => letter.direction === 'incoming')!;
    expect(reply).toMatchObject({ number: '4/7-2291', response: 'token-response', inReplyTo: service.letters('cp-kz').find((l) => l.number === '01-12/11')!.id });
    // Deadlines come from the counterpart's term, as if registered here; the incident followed its letters.
    expect(service.letters('cp-kz').find((l) => l.number === '01-12/10')!.expectedReplyBy).toBe('2024-11-14');
    expect(getIncident(vault.db, 'in-fotekh-2024-03')!.status).toBe('answered');

    // Importing the same register again updates, it does not duplicate.
    const again = await importFile(vault.db, { path, kind: 'letters', mapping: preview.suggestedMapping, mode: 'all-or-nothing' }, 'tester');
    expect(again.counts).toMatchObject({ created: { letters: 0 }, updated: { letters: 12 } });
    expect(service.letters()).toHaveLength(12);

    // The next letter registered here skips the numbers the imported register already holds.
    const next = service.registerOutgoing({ id: 'out-new', date: '2024-12-02', counterpartId: 'cp-kz', subject: 'Повторное обращение', incidentIds: [] });
    expect(next.number).toBe('01-12/12');
    expect(verifyAuditChain(vault.db)).toMatchObject({ ok: true });
  });

  it('reports bad rows by row and column — duplicate numbers, a reply before its letter or from another counterpart, unknown counterpart, impossible dates — and writes nothing unless asked for the valid rows', async () => {
    const { vault, service } = await registry();
    const path = registerCsv([
      `01-12/1;15.01.2024;исх;${KZ};Первое;;;`, // row 2
      `01-12/1;20.01.2024;исх;${KZ};Тот же номер;;;`, // row 3: duplicate number in 2024
      `5;10.01.2024;вх;${KZ};Ответ раньше письма;01-12/1;denial;`, // row 4: reply before its letter
      `6;01.02.2024;вх;Уполномоченный по правам человека в Российской Федерации;Чужой ответ;01-12/1;;`, // row 5: another counterpart
      `01-12/2;15.02.2024;исх;Министерство иностранных дел;Кому?;;;`, // row 6: unknown counterpart
      `01-12/3;30.02.2024;исх;${KZ};Несуществующая дата;;;`, // row 7
      `01-12/4;15.03.2024;туда;${KZ};Направление неизвестно;;;`, // row 8
      `01-12/5;15.04.2024;исх;${KZ};Неизвестный инцидент;;;in-nowhere`, // row 9
      `7;20.04.2024;вх;${KZ};Ответ на несуществующее;01-12/99;;`, // row 10
      `8;20.04.2024;вх;${KZ};Ответ;01-12/1;lukewarm;`, // row 11: unknown response code
      `01-12/6;15.05.2024;исх;${KZ};Хорошее;;;`, // row 12: valid
    ]);
    const mapping = (await importFile(vault.db, { path, kind: 'letters', mode: 'check' }, 'tester')).suggestedMapping;
    const report = await importFile(vault.db, { path, kind: 'letters', mapping, mode: 'all-or-nothing' }, 'tester');
    expect(report.counts).toBeNull();
    expect(service.letters()).toHaveLength(0);
    expect(report.rowIssues.map((issue) => `${issue.row} ${issue.column} ${issue.problem}`)).toEqual([
      '3 № duplicate-number',
      '4 Дата reply-before-letter',
      '5 В ответ на other-counterpart',
      '6 Адресат not-found',
      '7 Дата invalid-date',
      '8 Вх/Исх invalid-value',
      '9 Инциденты not-found',
      '10 В ответ на not-found',
      '11 Характер ответа invalid-value',
    ]);
    expect(report).toMatchObject({ validRows: 2, invalidRows: 9 });

    const partial = await importFile(vault.db, { path, kind: 'letters', mapping, mode: 'valid-rows-only' }, 'tester');
    expect(partial.counts).toMatchObject({ created: { letters: 2 } });
    expect(service.letters().map((letter) => letter.number)).toEqual(['01-12/1', '01-12/6']);
  });

  it('reads a register kept in Excel, with real date cells, and refuses a file whose required columns are not mapped', async () => {
    const { vault, service } = await registry();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Реестр');
    sheet.addRow(['Номер', 'Дата', 'Направление', 'Адресат', 'Тема', 'В ответ на']);
    sheet.addRow(['01-12/7', new Date(Date.UTC(2024, 6, 15)), 'исходящее', 'cp-kz', 'О депортации без решения суда', '']);
    sheet.addRow(['4/7-3001', new Date(Date.UTC(2024, 7, 1)), 'входящее', 'cp-kz', 'Ответ', '01-12/7']);
    const path = join(tempDir(), 'register.xlsx');
    await workbook.xlsx.writeFile(path);
    const mapping = (await importFile(vault.db, { path, kind: 'letters', mode: 'check' }, 'tester')).suggestedMapping;
    const report = await importFile(vault.db, { path, kind: 'letters', mapping, mode: 'all-or-nothing' }, 'tester');
    expect(report.counts).toMatchObject({ created: { letters: 2 } });
    expect(service.ledger('cp-kz', '2024-09-01')).toMatchObject({ sent: 1, answered: 1, medianDaysToReply: 17 });

    const { number: _number, ...withoutNumber } = mapping;
    const refused = await importFile(vault.db, { path, kind: 'letters', mapping: withoutNumber, mode: 'all-or-nothing' }, 'tester');
    expect(refused.counts).toBeNull();
    expect(refused.rowIssues.filter((issue) => issue.problem === 'required').map((issue) => `${issue.row} ${issue.field}`)).toEqual(['2 number', '3 number']);
  });
});
