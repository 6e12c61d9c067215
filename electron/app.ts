import type { Dialogs } from './ipc/dialogs.ts';
import { localToday } from '../shared/domain/calendar.ts';
import { createRouter, type Handlers, type Router } from './ipc/router.ts';
import type { LockReason } from '../shared/domain/vault.ts';
import { BACKUP_EXTENSION } from './store/backup.ts';
import type { KdfParams } from './store/envelope.ts';
import { RecordsService } from './services/records-service.ts';
import { VaultSession } from './services/vault-session.ts';
import { EvidenceService } from './services/evidence/evidence-service.ts';
import { DroppedEvidence } from './services/evidence/dropped-evidence.ts';
import { isGeneratedRole, LetterFiles, pathToOpen } from './services/letter-files.ts';
import { LetterService } from './services/letters/letter-service.ts';
import { draftPdf } from './services/letters/draft-pdf.ts';
import { RatificationSettings } from './services/letters/ratification-settings.ts';
import { ImportJobs } from './services/interchange/import-jobs.ts';
import type { ParseHost } from './services/isolation/parse-host.ts';
import type { AfterBatch } from './services/interchange/batched-import.ts';
import { CorrespondenceService } from './services/correspondence-service.ts';
import { exportFile } from './services/interchange/export-file.ts';
import { readOnlyChannels } from '../shared/ipc/contract.ts';
import { DossierService } from './services/dossier/dossier-service.ts';
import { DossierBuildJobs } from './services/dossier/dossier-build-jobs.ts';
import { renderDossierPdf } from './services/dossier/dossier-render.ts';
import { withChartPictures } from './documents/charts.ts';
import { AppError } from './errors/app-error.ts';

/** Composition root shared by Electron main and the end-to-end bridge: one router over the same services. */
export interface AppOptions {
  /** The data folder holding vault.json and store.db. */
  dataDir: string;
  dialogs: Dialogs;
  /** Who acts, for the audit log (e.g. the OS user name). */
  actor: string;
  /** Argon2id cost for new wraps (tests may pass a cheaper one). */
  kdf?: KdfParams;
  /** How often the idle auto-lock is checked. */
  idleCheckMs?: number;
  /** Wall-clock time for the unlock throttle and the idle lock (default Date.now); tests inject one they move. */
  now?: () => number;
  /** Where import files are parsed: Electron main passes its utility process; by default a forked Node process. */
  parseHost?: ParseHost;
  /** Tests only: awaited after each batch an import job writes, so a test can hold it mid-write (batched-import.ts). */
  afterImportBatch?: AfterBatch;
  /** Tests only: called at each step of a dossier build job (incidents gathered), so a test can cancel or lock at a known one. */
  onDossierBuildStep?: (jobId: string, done: number, total: number) => void;
}

export interface App {
  router: Router;
  session: VaultSession;
  /** Locks now (OS suspend, screen lock, menu shortcut). Safe to call when already locked. */
  lock(reason: LockReason): void;
  /** Locks and stops timers; call on quit. */
  dispose(): void;
}

/** File names and registration dates use the computer's own day, as staff read the calendar. */
const today = () => localToday();

interface Services {
  session: VaultSession;
  records: RecordsService;
  evidence: EvidenceService;
  drops: DroppedEvidence;
  imports: ImportJobs;
  registry: CorrespondenceService;
  letterFiles: LetterFiles;
  letters: LetterService;
  ratifications: RatificationSettings;
  dossiers: DossierService;
  dossierBuilds: DossierBuildJobs;
  dialogs: Dialogs;
}

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? null;

function handlers({ session, records, evidence, drops, imports, registry, letterFiles, letters, ratifications, dossiers, dossierBuilds, dialogs }: Services): Handlers {
  return {
    'vault:status': () => session.status(),
    'vault:create': ({ passphrase }) => session.create(passphrase),
    'vault:saveRecoverySheet': async ({ language }) => {
      await session.recoverySheet(language); // fail before asking for a path when there is nothing to print
      const path = await dialogs.chooseSavePath('recovery-sheet', `ombuds-recovery-sheet-${today()}.pdf`);
      if (!path) return { saved: false, fileName: null };
      await session.saveRecoverySheet(language, path);
      return { saved: true, fileName: fileName(path) };
    },
    'vault:confirmRecoverySaved': () => (session.confirmRecoverySaved(), {}),
    'vault:unlock': async ({ passphrase }) => (await session.unlock(passphrase), {}),
    'vault:lock': () => (session.lock('user'), {}),
    'vault:changePassphrase': async ({ current, next }) => (await session.changePassphrase(current, next), {}),
    'vault:recover': async ({ recoveryKey, newPassphrase }) => (await session.recover(recoveryKey, newPassphrase), {}),
    'vault:backup': async () => {
      session.getSettings(); // refuse while locked before showing a dialog
      const path = await dialogs.chooseSavePath('backup', `ombuds-backup-${today()}${BACKUP_EXTENSION}`);
      if (!path) return { saved: false, fileName: null };
      await session.writeBackup(path);
      return { saved: true, fileName: fileName(path) };
    },
    'vault:restore': async ({ passphrase }) => {
      const path = await dialogs.chooseOpenPath('backup');
      if (!path) return { restored: false };
      await session.restore(path, passphrase);
      return { restored: true };
    },
    'vault:verify': () => session.verify(),
    'settings:get': () => session.getSettings(),
    'settings:update': (changes) => session.updateSettings(changes),
    'session:activity': () => (session.touch(), {}),
    'vocabulary:list': ({ kind }) => records.terms(kind),
    'vocabulary:add': (term) => records.addTerm(term),
    'incidents:search': (query) => records.search(query),
    'incidents:get': ({ id }) => records.incident(id),
    'incidents:save': (incident) => records.saveIncident(incident),
    'incidents:count': (query) => ({ total: records.count(query) }),
    'persons:suggestDuplicates': (candidate) => records.duplicates(candidate),
    'persons:list': ({ text, limit }) => records.persons(text, limit).map(({ incidentCount, ...person }) => ({ person, incidentCount })),
    'persons:get': ({ id }) => records.person(id),
    'persons:save': (person) => records.savePerson(person),
    'persons:merge': ({ keepId, duplicateId }) => records.mergePersons(keepId, duplicateId),
    'places:list': () => records.places().map(({ incidentCount, ...place }) => ({ place, incidentCount })),
    'places:save': (place) => records.savePlace(place),
    'records:saveTranslation': (input) => (records.saveTranslation(input), {}),
    'searches:list': () => records.savedSearches(),
    'searches:save': (search) => records.saveSearch(search),
    'searches:delete': ({ id }) => records.deleteSearch(id),
    'evidence:list': ({ incidentId }) => evidence.list(incidentId),
    'evidence:add': async ({ incidentId }) => {
      records.incident(incidentId); // refuse an unknown incident before showing a dialog
      return evidence.add(incidentId, await dialogs.chooseOpenPaths('evidence'));
    },
    // Dropped files arrive as bytes read in the window; main never reads a path the window names.
    'evidence:dropStart': ({ incidentId, fileName, size }) => drops.start(incidentId, fileName, size),
    'evidence:dropChunk': ({ dropId, index, bytes }) => drops.chunk(dropId, index, bytes),
    'evidence:dropFinish': ({ dropId }) => drops.finish(dropId),
    'evidence:dropCancel': ({ dropId }) => (drops.cancel(dropId), {}),
    'evidence:preview': ({ id }) => evidence.preview(id),
    'evidence:export': async ({ id }) => {
      const record = evidence.record(id);
      const path = await dialogs.chooseSavePath('evidence', record.fileName);
      if (!path) return { saved: false, fileName: null };
      evidence.export(id, path);
      return { saved: true, fileName: fileName(path) };
    },
    'transfer:export': async ({ format, ids }) => {
      const db = session.store(); // refuse while locked before showing a dialog
      const path = await dialogs.chooseSavePath(`export-${format}`, format === 'json' ? `ombuds-dossier-${today()}.json` : `incidents-${today()}.${format}`);
      if (!path) return { saved: false, fileName: null };
      await exportFile(db, format, path, ids);
      return { saved: true, fileName: fileName(path) };
    },
    'import:choose': async () => {
      session.store();
      const path = await dialogs.chooseOpenPath('import');
      return path ? imports.chosen(path) : null;
    },
    'import:start': (request) => imports.start(request),
    'import:status': ({ jobId }) => imports.status(jobId),
    'import:cancel': ({ jobId }) => imports.cancel(jobId),
    'counterparts:list': () => registry.counterparts(),
    'counterparts:save': (counterpart) => registry.saveCounterpart(counterpart),
    'letters:list': ({ counterpartId, asOf }) => registry.register(counterpartId, asOf),
    'letters:registerOutgoing': (draft) => registry.registerOutgoing(draft),
    'letters:registerIncoming': (letter) => registry.registerIncoming(letter),
    'letters:annul': ({ id, reason, date }) => registry.annul(id, reason, date),
    'letters:files': ({ letterId }) => letterFiles.list(letterId),
    'letters:attachScan': async ({ letterId }) => {
      letterFiles.list(letterId); // refuse before the dialog when the letter does not exist
      const path = await dialogs.chooseOpenPath('letter-scan');
      return path ? letterFiles.attachScan(letterId, path) : null;
    },
    'letters:exportFile': async ({ id, open }) => {
      const record = letterFiles.record(id);
      const role = record.role;
      // Only the app's own rendered letter is handed to the system to open. A scan's bytes and name came from
      // outside the app (it could be a program, a web page or a shortcut), so it is saved, never opened.
      if (open && !isGeneratedRole(role)) throw new AppError('invalid-input', { detail: "open: only a registered letter's PDF or DOCX is opened; a scan is saved only" });
      const path = await dialogs.chooseSavePath(isGeneratedRole(role) ? `letter-${role}` : 'letter-file', record.fileName);
      if (!path) return { saved: false, fileName: null };
      // Only the copy the user just placed is opened, under the extension of what it is; nothing is written elsewhere.
      const target = open && isGeneratedRole(role) ? pathToOpen(path, role) : path;
      letterFiles.export(id, target);
      if (open) await dialogs.openWithSystem(target).catch((error: unknown) => Promise.reject(new AppError('io-error', { detail: 'the saved file could not be opened', cause: error })));
      return { saved: true, fileName: fileName(target) };
    },
    'office:get': () => letters.office(),
    'office:save': (office) => letters.saveOffice(office),
    'office:chooseEmblem': async () => {
      session.store();
      const path = await dialogs.chooseOpenPath('emblem');
      return path ? letters.emblemFromFile(path) : null;
    },
    'letters:draft': (request) => letters.draft(request, today()),
    'letters:registerDraft': async (draft) => {
      const result = await letters.register(draft, today());
      return { ...result, files: letterFiles.list(result.letter.id) };
    },
    'letters:document': ({ letterId }) => letters.document(letterId),
    'letters:draftPdf': async (draft) => {
      session.store(); // a draft holds case data: refused while locked, like every other letter channel
      return { bytes: await draftPdf(draft) };
    },
    'letters:registeredPdf': ({ letterId }) => ({ bytes: letters.file(letterId, 'pdf').bytes }),
    'ledger:get': ({ counterpartId, asOf, from, to }) => registry.ledger(counterpartId, asOf, { from, to }),
    'registry:numbering': () => registry.numbering(),
    'registry:setNumbering': (scheme) => registry.setNumbering(scheme),
    'registry:calendar': () => registry.calendar(),
    'registry:saveCalendar': (calendar) => registry.saveCalendar(calendar),
    'settings:ratifications': () => ratifications.rows(),
    'settings:saveRatification': (override) => ratifications.save(override),
    'settings:resetRatification': (input) => ratifications.reset(input),
    'dossiers:list': () => dossiers.list(),
    'dossiers:get': ({ id }) => dossiers.get(id),
    'dossiers:save': (composition) => dossiers.save(composition),
    'dossiers:duplicate': ({ id }) => dossiers.duplicate(id),
    'dossiers:delete': ({ id }) => (dossiers.delete(id), {}),
    'dossiers:build': async ({ id }) => {
      const built = await dossiers.build(id, today());
      return { ...built, doc: await withChartPictures(built.doc) }; // the preview draws each chart from its SVG
    },
    'dossiers:buildStart': ({ id }) => dossierBuilds.start(id),
    'dossiers:buildStatus': ({ jobId }) => dossierBuilds.status(jobId),
    'dossiers:buildCancel': ({ jobId }) => dossierBuilds.cancel(jobId),
    'dossiers:issue': ({ id }) => dossiers.issue(id, today()),
    'dossiers:editions': ({ id }) => dossiers.editions(id),
    'dossiers:exportFile': async ({ dossierId, edition, format }) => {
      const record = dossiers.file(dossierId, edition, format).record; // refuse before the dialog when there is no such edition
      const path = await dialogs.chooseSavePath(`dossier-${format}`, record.fileName);
      if (!path) return { saved: false, fileName: null };
      dossiers.export(dossierId, edition, format, path);
      return { saved: true, fileName: fileName(path) };
    },
    'dossiers:pdf': async (input) => {
      session.store(); // a dossier holds case data: refused while locked
      if ('doc' in input) return { bytes: await renderDossierPdf(input.doc) };
      return { bytes: dossiers.file(input.dossierId, input.edition, 'pdf').bytes };
    },
  };
}

export function createApp(options: AppOptions): App {
  const session = new VaultSession({ dataDir: options.dataDir, actor: options.actor, kdf: options.kdf, now: options.now });
  const store = () => session.store();
  const records = new RecordsService(store, options.actor);
  const evidence = new EvidenceService(store, () => session.getSettings(), options.actor);
  const drops = new DroppedEvidence(store, () => session.getSettings(), options.actor);
  session.onLock(() => drops.clear());
  const imports = new ImportJobs(store, options.actor, { parser: options.parseHost, afterBatch: options.afterImportBatch });
  session.onLock(() => imports.clear());
  const registry = new CorrespondenceService(store, options.actor);
  const letterFiles = new LetterFiles(store, () => session.getSettings().evidenceMaxMiB * 1024 ** 2, options.actor);
  const letters = new LetterService(store, registry, letterFiles, options.actor);
  const ratifications = new RatificationSettings(store, options.actor);
  const dossiers = new DossierService(store, options.actor);
  const dossierBuilds = new DossierBuildJobs(dossiers, today, { onStep: options.onDossierBuildStep });
  session.onLock(() => dossierBuilds.clear());
  const router = createRouter(handlers({ session, records, evidence, drops, imports, registry, letterFiles, letters, ratifications, dossiers, dossierBuilds, dialogs: options.dialogs }), {
    onActivity: () => session.touch(),
    // Other writes would join the import's open transaction (and vanish with it on cancel).
    guard: (channel) => {
      if (imports.busy && !readOnlyChannels.has(channel)) throw new AppError('store-in-use', { detail: 'an import is being written' });
    },
  });
  const timer = setInterval(() => session.checkIdle(), options.idleCheckMs ?? 15_000);
  timer.unref();
  return {
    router,
    session,
    lock: (reason) => session.lock(reason),
    dispose() {
      clearInterval(timer);
      session.lock('user');
    },
  };
}
