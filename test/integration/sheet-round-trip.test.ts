import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EvidenceService } from '../../electron/services/evidence/evidence-service.ts';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { exportFile, type ExportFormat } from '../../electron/services/interchange/export-file.ts';
import { importFile } from '../../electron/services/interchange/import-file.ts';
import { ImportJobs } from '../../electron/services/interchange/import-jobs.ts';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { readSettings } from '../../electron/store/repositories/settings-repository.ts';
import type { Db } from '../../electron/store/open.ts';
import { listEvidence } from '../../electron/store/repositories/evidence-repository.ts';
import { iterateIncidents } from '../../electron/store/repositories/incident-repository.ts';
import { listPersons } from '../../electron/store/repositories/person-repository.ts';
import { listPlaces } from '../../electron/store/repositories/place-repository.ts';
import { createVault, unlockVault } from '../../electron/store/vault.ts';
import { getIncident, upsertIncident } from '../../electron/store/repositories/incident-repository.ts';
import { getPerson } from '../../electron/store/repositories/person-repository.ts';
import type { ImportJob } from '../../shared/domain/table-import.ts';
import { runCli } from '../support/cli.ts';
import { pngImage } from '../support/images.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';

const PASSPHRASE = 'Хорог 2024 кӯҳ ва дарё';
const asUser = { OMBUDS_PASSPHRASE: PASSPHRASE };
const FIXTURE = readFileSync(new URL('../fixtures/border-detention.json', import.meta.url), 'utf8');

/**
 * A vault whose records use everything a form can record: descriptions, methods, perpetrators, two sources with
 * dates and reliability, individual victims (one consented, one withheld) beside a group, several violation types,
 * places (two of them with one name), a month-precision date, a title a spreadsheet would take for a formula, and
 * evidence.
 */
async function fullVault() {
  const store = join(tempDir(), 'vault');
  const { vault } = await createVault(store, PASSPHRASE, { actor: 'test', kdf: FAST_KDF });
  const file = JSON.parse(FIXTURE);
  // In several languages (format 2): a Tajik original translated into Russian and English, a Russian one into Tajik.
  file.format = 'ombuds-dossier/2';
  file.incidents[0].originalLanguage = 'tg';
  file.incidents[0].translations = { ru: { title: 'Задержание граждан на КПП «Фотех»', description: 'Граждан держали четыре дня без еды.' }, en: { title: 'Citizens held at the Fotekh crossing' } };
  file.incidents[1].translations = { tg: { title: 'Боздоштшудагон дар телевизион лату кӯбхӯрда нишон дода шуданд' } };
  // Entered twice under one name (before anyone merged them): each incident must keep its own.
  file.places.push({ id: 'pl-fotekh-again', name: 'КПП «Фотех»', kind: 'other', country: 'KZ' });
  file.persons.push({ id: 'ps-saidova', kind: 'individual', name: 'Саидова Мадина', nameLatin: 'Saidova Madina', birthDate: '1988-02-03', citizenship: 'TJ', characteristics: ['women'], disclosure: 'consented' });
  file.incidents[1].victimIds = ['ps-rahimov', 'ps-saidova'];
  file.incidents[1].sources.push({ type: 'complaint', reference: 'Шикоят аз 5 октябри 2024', date: '2024-10-05', reliability: 'confirmed' });
  file.incidents.push({
    id: 'in-cold-2024-01',
    title: '-20 °C в камере: =задержанные без отопления',
    description: 'Камера не отапливалась в январе.\nСо слов двух задержанных.',
    startDate: '2024-01-01',
    datePrecision: 'month',
    placeId: 'pl-fotekh-again',
    violationTypes: ['inhumane-detention-conditions'],
    methods: ['deprivation-of-sleep'],
    perpetratorType: 'detention-staff',
    victimIds: [],
    sources: [{ type: 'witness-statement', reference: 'Показания двух задержанных', reliability: 'unverified' }],
    confidentiality: 'public',
    status: 'answered',
  });
  await importInBatches(vault.db, parseInterchange(vault.db, JSON.stringify(file)), 'test');
  const scan = join(tempDir(), 'scan.png');
  writeFileSync(scan, pngImage(4, 3));
  new EvidenceService(() => vault.db, () => readSettings(vault.db), 'test').add('in-moscow-2024-10', [scan]);
  return { vault, store };
}

/** Everything a user recorded (the audit log excepted, which grows with every write). */
function records(db: Db) {
  const incidents = [...iterateIncidents(db)];
  return { incidents, persons: listPersons(db), places: listPlaces(db), evidence: incidents.map((incident) => listEvidence(db, incident.id)) };
}

async function runJob(jobs: ImportJobs, input: Parameters<ImportJobs['start']>[0]): Promise<ImportJob> {
  const { jobId } = jobs.start(input);
  for (;;) {
    const status = jobs.status(jobId);
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe("re-importing the app's own incident list", () => {
  for (const format of ['csv', 'xlsx'] as const satisfies readonly ExportFormat[]) {
    it(`${format.toUpperCase()}: export, import back through the service the window uses, every record unchanged`, async () => {
      const { vault } = await fullVault();
      const before = records(vault.db);
      expect(before.evidence.flat()).toHaveLength(1);
      const path = join(tempDir(), `list.${format}`);
      await exportFile(vault.db, format, path);

      const preview = await importFile(vault.db, { path, mode: 'check' }, 'test');
      // The computed facts are not data: nothing reads them back.
      expect(Object.keys(preview.suggestedMapping).sort()).toEqual(['confidentiality', 'country', 'datePrecision', 'endDate', 'id', 'originalLanguage', 'place', 'startDate', 'status', 'title', 'title@en', 'title@ru', 'title@tg', 'violationTypes']);
      const jobs = new ImportJobs(() => vault.db, 'test');
      const { token } = jobs.chosen(path);
      const job = await runJob(jobs, { token, encoding: 'auto', mapping: preview.suggestedMapping, kind: 'incidents', mode: 'all-or-nothing', allowEmpty: false });
      expect(job).toMatchObject({ state: 'done', report: { invalidRows: 0, wouldEmptyCount: 0, wouldEmpty: [], notApplied: [] } });
      expect(job.report!.counts).toMatchObject({ created: { incidents: 0, persons: 0, places: 0 }, updated: { incidents: 3 } });
      expect(records(vault.db)).toEqual(before);
      vault.close();
    });

    it(`${format.toUpperCase()}: export and import back through the CLI, every record unchanged`, async () => {
      const { vault, store } = await fullVault();
      const before = records(vault.db);
      vault.close();
      const path = join(tempDir(), `list.${format}`);
      expect(runCli(['export', '--store', store, '--out', path], asUser).status).toBe(0);
      const imported = runCli(['import', '--store', store, path], asUser);
      expect(imported).toMatchObject({ status: 0, stderr: '' });
      expect(imported.stdout).toContain('incidents: 0 created, 3 updated');
      const reopened = await unlockVault(store, PASSPHRASE);
      expect(records(reopened.db)).toEqual(before);
      reopened.close();
    });
  }
});

/** A CSV sheet in a temp folder. */
function sheet(lines: string[]): string {
  const path = join(tempDir(), 'sheet.csv');
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return path;
}

const importSheet = (db: Db, path: string, allowEmpty = false, mode: 'check' | 'all-or-nothing' = 'all-or-nothing') =>
  importFile(db, { path, mode, allowEmpty, mapping: null }, 'test').then((preview) => importFile(db, { path, mode, allowEmpty, mapping: preview.suggestedMapping }, 'test'));

describe('a sheet changes only the columns it maps', () => {
  it('a sheet with id, title and start date updates the title and keeps everything else (precision, place, victims, sources)', async () => {
    const { vault } = await fullVault();
    const before = records(vault.db);
    const path = sheet(['id,title,startDate', 'in-moscow-2024-10,Задержанные показаны по ТВ,2024-10-02', 'in-cold-2024-01,Холод в камере,2024-01-01']);
    const report = await importSheet(vault.db, path);
    expect(report).toMatchObject({ invalidRows: 0, wouldEmptyCount: 0, notApplied: [], counts: { created: { incidents: 0, persons: 0, places: 0 }, updated: { incidents: 2, persons: 0 } } });
    const after = records(vault.db);
    const expected = before.incidents.map((incident) =>
      incident.id === 'in-moscow-2024-10' ? { ...incident, title: 'Задержанные показаны по ТВ' } : incident.id === 'in-cold-2024-01' ? { ...incident, title: 'Холод в камере' } : incident,
    );
    expect(after).toEqual({ ...before, incidents: expected });
    // The month the list writes as 2024-01-01 stays a month.
    expect(getIncident(vault.db, 'in-cold-2024-01')).toMatchObject({ datePrecision: 'month', description: 'Камера не отапливалась в январе.\nСо слов двух задержанных.' });
    vault.close();
  });

  it('the same columns given by --mapping: unmapped columns are not read, blank or not', async () => {
    const { vault, store } = await fullVault();
    const before = records(vault.db);
    vault.close();
    const path = sheet(['Описание,Идентификатор,Название,Дата,Методы', ',in-fotekh-2024-03,Боздошт дар Фотех,11.03.2024,']);
    const mapping = join(tempDir(), 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ id: 1, title: 2, startDate: 3 }));
    const imported = runCli(['import', '--store', store, path, '--mapping', mapping], asUser);
    expect(imported).toMatchObject({ status: 0, stderr: '' });
    const reopened = await unlockVault(store, PASSPHRASE);
    expect(records(reopened.db).incidents).toEqual(before.incidents.map((incident) => (incident.id === 'in-fotekh-2024-03' ? { ...incident, title: 'Боздошт дар Фотех' } : incident)));
    reopened.close();
  });

  it('a blank description cell is listed with its row, column and incident; nothing is written until confirmed, then it is emptied', async () => {
    const { vault } = await fullVault();
    const before = records(vault.db);
    const path = sheet(['id,title,startDate,description', 'in-fotekh-2024-03,Боздошти шаҳрвандон дар гузаргоҳи сарҳадии Фотех,2024-03-11,', 'in-moscow-2024-10,Задержанные показаны избитыми по телевидению,2024-10-02,Новое описание']);
    const emptied = { row: 2, column: 'description', field: 'description', incidentId: 'in-fotekh-2024-03', incidentTitle: 'Боздошти шаҳрвандон дар гузаргоҳи сарҳадии Фотех' };

    const checked = await importSheet(vault.db, path, false, 'check');
    expect(checked).toMatchObject({ validRows: 2, invalidRows: 0, wouldEmptyCount: 1, wouldEmpty: [emptied], counts: null });
    const refused = await importSheet(vault.db, path);
    expect(refused).toMatchObject({ wouldEmpty: [emptied], counts: null });
    expect(records(vault.db)).toEqual(before);

    const confirmed = await importSheet(vault.db, path, true);
    expect(confirmed.counts).toMatchObject({ updated: { incidents: 2 } });
    expect(getIncident(vault.db, 'in-fotekh-2024-03')).toEqual({ ...before.incidents.find((i) => i.id === 'in-fotekh-2024-03'), description: '' });
    expect(getIncident(vault.db, 'in-moscow-2024-10')?.description).toBe('Новое описание');
    vault.close();
  });

  it('the CLI refuses with exit 10 and one line per emptied cell, and empties with --allow-empty', async () => {
    const { vault, store } = await fullVault();
    const before = records(vault.db);
    vault.close();
    const path = sheet(['id,title,startDate,description,methods,place', 'in-fotekh-2024-03,Боздошти шаҳрвандон дар гузаргоҳи сарҳадии Фотех,2024-03-11,,,']);
    const refused = runCli(['import', '--store', store, path], asUser);
    expect(refused.status).toBe(10);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.split('\n')).toEqual([
      'row 2, column "description": would empty the stored value',
      'row 2, column "place": would empty the stored value',
      'row 2, column "methods": would empty the stored value',
      expect.stringMatching(/^ombuds: blank cells would empty stored values \(listed above\); nothing was imported.*--allow-empty \(3 stored value\(s\)\)$/),
      '',
    ]);
    // The stored text never appears in the output.
    expect(refused.stderr).not.toContain('Шаҳрвандони');
    let reopened = await unlockVault(store, PASSPHRASE);
    expect(records(reopened.db)).toEqual(before);
    reopened.close();

    const allowed = runCli(['import', '--store', store, path, '--allow-empty'], asUser);
    expect(allowed).toMatchObject({ status: 0 });
    expect(allowed.stdout).toContain('incidents: 0 created, 1 updated');
    reopened = await unlockVault(store, PASSPHRASE);
    const { description, methods, placeId } = getIncident(reopened.db, 'in-fotekh-2024-03')!;
    expect({ description, methods, placeId }).toEqual({ description: '', methods: [], placeId: undefined });
    reopened.close();
  });
});

describe('a sheet never replaces victims recorded in the form', () => {
  it('victims and victimCount on an incident with individuals: the individuals are kept, the cells reported as not applied', async () => {
    const { vault, store } = await fullVault();
    const before = records(vault.db);
    const path = sheet(['id,title,startDate,victims,victimCount', 'in-moscow-2024-10,Задержанные показаны избитыми по телевидению,2024-10-02,пятеро задержанных,5']);
    const report = await importSheet(vault.db, path);
    expect(report).toMatchObject({
      wouldEmptyCount: 0,
      notApplied: [
        { row: 2, column: 'victims', field: 'victims', incidentId: 'in-moscow-2024-10', reason: 'recorded-victims' },
        { row: 2, column: 'victimCount', field: 'victimCount', incidentId: 'in-moscow-2024-10', reason: 'recorded-victims' },
      ],
      counts: { created: { persons: 0 }, updated: { incidents: 1, persons: 0 } },
    });
    expect(records(vault.db)).toEqual(before);
    expect(getIncident(vault.db, 'in-moscow-2024-10')?.victimIds).toEqual(['ps-rahimov', 'ps-saidova']);
    vault.close();

    const cli = runCli(['import', '--store', store, path], asUser);
    expect(cli.status).toBe(0);
    expect(cli.stderr).toContain(`row 2, column "victimCount": not applied; the incident's victims recorded in the form are kept`);
  });

  it("updates the group a sheet created, keeps individuals added beside it, and removes the group only when confirmed", async () => {
    const { vault } = await fullVault();
    const first = sheet(['Название,Дата,Число пострадавших,Характеристики', 'Задержание на рынке,2024-05-06,12,Женщины']);
    expect((await importSheet(vault.db, first)).counts).toMatchObject({ created: { incidents: 1, persons: 1 } });
    const id = [...iterateIncidents(vault.db)].find((incident) => incident.title === 'Задержание на рынке')!.id;
    expect(getPerson(vault.db, `${id}-victims`)).toMatchObject({ kind: 'group', name: '12', count: 12, characteristics: ['women'] });
    // Staff then record one of them by name in the form.
    upsertIncident(vault.db, { ...getIncident(vault.db, id)!, victimIds: [`${id}-victims`, 'ps-saidova'] });

    const recount = sheet(['Название,Дата,Число пострадавших', 'Задержание на рынке,2024-05-06,15']);
    expect(await importSheet(vault.db, recount)).toMatchObject({ wouldEmptyCount: 0, notApplied: [], counts: { updated: { incidents: 1, persons: 1 } } });
    expect(getPerson(vault.db, `${id}-victims`)).toMatchObject({ name: '15', count: 15, characteristics: ['women'] });
    expect(getIncident(vault.db, id)?.victimIds).toEqual([`${id}-victims`, 'ps-saidova']);

    const none = sheet(['Название,Дата,Число пострадавших', 'Задержание на рынке,2024-05-06,']);
    expect(await importSheet(vault.db, none)).toMatchObject({ wouldEmpty: [{ row: 2, column: 'Число пострадавших', field: 'victimCount', incidentId: id }], counts: null });
    expect(getIncident(vault.db, id)?.victimIds).toEqual([`${id}-victims`, 'ps-saidova']);
    expect((await importSheet(vault.db, none, true)).counts).toMatchObject({ updated: { incidents: 1 } });
    expect(getIncident(vault.db, id)?.victimIds).toEqual(['ps-saidova']);
    vault.close();
  });

  it('sources are added to, never dropped', async () => {
    const { vault } = await fullVault();
    const stored = getIncident(vault.db, 'in-moscow-2024-10')!.sources;
    const blank = sheet(['id,title,startDate,sourceReference,sourceType', 'in-moscow-2024-10,Задержанные показаны избитыми по телевидению,2024-10-02,,']);
    expect(await importSheet(vault.db, blank)).toMatchObject({ wouldEmptyCount: 0, counts: { updated: { incidents: 1 } } });
    expect(getIncident(vault.db, 'in-moscow-2024-10')!.sources).toEqual(stored);
    const added = sheet(['id,title,startDate,sourceReference,sourceType', 'in-moscow-2024-10,Задержанные показаны избитыми по телевидению,2024-10-02,https://example.org/news/1,Сообщение СМИ']);
    await importSheet(vault.db, added);
    await importSheet(vault.db, added);
    expect(getIncident(vault.db, 'in-moscow-2024-10')!.sources).toEqual([...stored, { type: 'media-report', reference: 'https://example.org/news/1', reliability: 'unverified' }]);
    vault.close();
  });
});

describe('a sheet maps columns to languages', () => {
  it('headers like "title (tg)" and "описание (en)" are translations; a blank one empties a stored translation only when confirmed', async () => {
    const { vault } = await fullVault();
    const before = getIncident(vault.db, 'in-moscow-2024-10')!;
    const path = sheet(['id,title,startDate,title (en),Описание (en),Название (tg)', 'in-moscow-2024-10,Задержанные показаны избитыми по телевидению,2024-10-02,Detainees shown beaten on television,They were shown on TV.,Боздоштшудагон дар ТВ']);
    const preview = await importFile(vault.db, { path, mode: 'check' }, 'test');
    expect(preview.suggestedMapping).toMatchObject({ 'title@en': 3, 'description@en': 4, 'title@tg': 5 });
    expect((await importSheet(vault.db, path)).counts).toMatchObject({ updated: { incidents: 1 } });
    expect(getIncident(vault.db, 'in-moscow-2024-10')).toEqual({
      ...before,
      translations: { tg: { title: 'Боздоштшудагон дар ТВ' }, en: { title: 'Detainees shown beaten on television', description: 'They were shown on TV.' } },
    });

    // Mapped by hand as title@en; a blank cell would empty the stored English title: listed, then confirmed.
    const blank = sheet(['id,title,startDate,English', 'in-moscow-2024-10,Задержанные показаны избитыми по телевидению,2024-10-02,']);
    const mapping = { id: 0, title: 1, startDate: 2, 'title@en': 3 };
    const refused = await importFile(vault.db, { path: blank, mode: 'all-or-nothing', mapping }, 'test');
    expect(refused).toMatchObject({ wouldEmpty: [{ row: 2, column: 'English', field: 'title@en', incidentId: 'in-moscow-2024-10' }], counts: null });
    await importFile(vault.db, { path: blank, mode: 'all-or-nothing', mapping, allowEmpty: true }, 'test');
    expect(getIncident(vault.db, 'in-moscow-2024-10')?.translations).toEqual({ tg: { title: 'Боздоштшудагон дар ТВ' }, en: { description: 'They were shown on TV.' } });
    vault.close();
  });

  it('a new incident from a sheet takes its original language from its column; a column in that language must repeat the original', async () => {
    const { vault } = await fullVault();
    const path = sheet(['Название,Дата,Язык,Название (ru),Название (ru)', 'Боздошт дар бозор,2024-05-06,tg,Задержание на рынке,', 'Задержание на вокзале,2024-05-07,русский,Другое название,']);
    const report = await importSheet(vault.db, path, false, 'check');
    expect(report.rowIssues).toEqual([{ row: 3, column: 'Название (ru)', field: 'title@ru', problem: 'invalid-value', value: 'Другое название' }]);
    const fixed = sheet(['Название,Дата,Язык,Название (ru)', 'Боздошт дар бозор,2024-05-06,tg,Задержание на рынке']);
    expect((await importSheet(vault.db, fixed)).counts).toMatchObject({ created: { incidents: 1 } });
    const created = [...iterateIncidents(vault.db)].find((incident) => incident.title === 'Боздошт дар бозор');
    expect(created).toMatchObject({ originalLanguage: 'tg', translations: { ru: { title: 'Задержание на рынке' } } });
    vault.close();
  });
});
