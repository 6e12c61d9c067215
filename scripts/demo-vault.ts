// The demo vault (`npm run demo`, and the "Done when" test): the scenario, a sample meeting dossier issued as
// edition 1, and sample letters in three languages. No data, no display, no network.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CorrespondenceService } from '../electron/services/correspondence-service.ts';
import { DossierService } from '../electron/services/dossier/dossier-service.ts';
import { importInBatches } from '../electron/services/interchange/batched-import.ts';
import { parseInterchange } from '../electron/services/interchange/json-import.ts';
import { LetterFiles } from '../electron/services/letter-files.ts';
import { LetterService } from '../electron/services/letters/letter-service.ts';
import type { KdfParams } from '../electron/store/envelope.ts';
import { createVault } from '../electron/store/vault.ts';
import type { DossierCompositionInput } from '../shared/domain/dossier.ts';
import type { DraftRequest } from '../shared/domain/letter-draft.ts';
import { missingTextKey } from '../shared/domain/translations.ts';

const scenario = (name: string) => readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), 'utf8');

/** The scenario's counterpart: the dossier is for the meeting with them; their register is 11 sent, 1 answered. */
export const DEMO_COUNTERPART = 'cp-kz-ombudsman';
/**
 * The sample letters' addressee: the Russian ombudsman (the Moscow incident happened in Russia). Not the scenario's
 * counterpart, so its register stays the scenario's — 11 sent, 1 answered — for every dossier built from the demo.
 */
export const DEMO_LETTERS_COUNTERPART = 'cp-ru-ombudsman';

export interface DemoOptions {
  passphrase: string;
  /** The vault's Argon2id parameters (tests pass FAST_KDF); production's by default. */
  kdf?: KdfParams;
  /** The day of the edition and the letters (ISO date); today by default. */
  today?: string;
  log?: (line: string) => void;
}

/** Builds the demo in `out`: `out/vault`, `out/dossiers`, `out/letters`. Returns the recovery key. */
export async function makeDemo(out: string, options: DemoOptions): Promise<{ vaultDir: string; recoveryKey: string }> {
  const log = options.log ?? (() => undefined);
  const vaultDir = join(out, 'vault');
  mkdirSync(vaultDir, { recursive: true });
  const { vault, recoveryKey } = await createVault(vaultDir, options.passphrase, { actor: 'demo', ...(options.kdf ? { kdf: options.kdf } : {}) });
  try {
    // The scenario: a border detention at «Fotekh» and detainees shown beaten on television; eleven letters to the
    // Kazakh ombudsman over 2024, one answered; the Russian ombudsman; the office's letterhead, signatory and executor.
    for (const file of ['border-detention.json', 'kz-ombudsman-letters.json', 'ru-ombudsman.json']) await importInBatches(vault.db, parseInterchange(vault.db, scenario(file)), 'demo');
    const store = () => vault.db;
    const registry = new CorrespondenceService(store, 'demo');
    const letters = new LetterService(store, registry, new LetterFiles(store, () => 2 ** 31, 'demo'), 'demo');
    letters.saveOffice(JSON.parse(scenario('office.json')));
    const today = options.today ?? new Date().toISOString().slice(0, 10);

    // A Russian dossier for the meeting with the Kazakh ombudsman: both incidents, every section but the letters annex.
    // Texts the records lack in Russian are printed in their original, deliberately (as staff would choose in the window).
    const dossiers = new DossierService(store, 'demo');
    const composition: DossierCompositionInput = {
      id: 'dossier-kz-ombudsman',
      title: 'Встреча с Уполномоченным по правам человека в Республике Казахстан',
      meeting: { with: 'Уполномоченный по правам человека в Республике Казахстан', place: 'Астана' },
      counterpartIds: [DEMO_COUNTERPART],
      language: 'ru',
      classification: 'Для служебного пользования',
      selection: { kind: 'incidents', incidentIds: ['in-fotekh-2024-03', 'in-moscow-2024-10'] },
    };
    dossiers.save(composition);
    const { missing } = await dossiers.build(composition.id, today);
    dossiers.save({ ...composition, keepOriginal: missing.map(missingTextKey) });
    const edition = await dossiers.issue(composition.id, today);
    const dossiersDir = join(out, 'dossiers');
    mkdirSync(dossiersDir, { recursive: true });
    writeFileSync(join(dossiersDir, 'kz-ombudsman-ru.json'), `${JSON.stringify(dossiers.get(composition.id), null, 2)}\n`);
    for (const format of ['pdf', 'docx'] as const) writeFileSync(join(dossiersDir, `kz-ombudsman-ru.${format}`), dossiers.file(composition.id, edition.edition, format).bytes);
    log(`dossier: edition ${edition.edition} of «${composition.title}», ${edition.pages} pages, SHA-256 ${edition.sha256.slice(0, 16)}…`);

    // The appeal and the request first, so the follow-up has letters of ours to follow up.
    const samples: [string, DraftRequest][] = [
      ['appeal-tg', { kind: 'appeal', counterpartId: DEMO_LETTERS_COUNTERPART, language: 'tg', incidentIds: ['in-moscow-2024-10'] }],
      ['information-request-en', { kind: 'information-request', counterpartId: DEMO_LETTERS_COUNTERPART, language: 'en', incidentIds: ['in-moscow-2024-10'] }],
      ['follow-up-ru', { kind: 'follow-up', counterpartId: DEMO_LETTERS_COUNTERPART, language: 'ru' }],
    ];
    const lettersDir = join(out, 'letters');
    mkdirSync(lettersDir, { recursive: true });
    for (const [name, request] of samples) {
      // A text the records lack in the letter's language is kept in its original, deliberately (registration refuses
      // a letter with texts neither translated nor kept).
      const { missing: lacking } = letters.draft(request, today);
      const { letter, fingerprint } = await letters.register(letters.draft({ ...request, keepOriginal: lacking.map(missingTextKey) }, today), today);
      for (const format of ['pdf', 'docx'] as const) writeFileSync(join(lettersDir, `${name}.${format}`), letters.file(letter.id, format).bytes);
      log(`${name}: No. ${letter.number} of ${letter.date}, SHA-256 ${fingerprint.slice(0, 16)}…, reply expected by ${letter.expectedReplyBy}`);
    }
    for (const id of [DEMO_COUNTERPART, DEMO_LETTERS_COUNTERPART]) {
      const ledger = registry.ledger(id, today);
      log(`ledger ${id}: sent ${ledger.sent}, answered ${ledger.answered}, unanswered ${ledger.unanswered}, overdue ${ledger.overdue}`);
    }
    log(`\nvault: ${vaultDir}\npassphrase: ${options.passphrase}\nrecovery key: ${recoveryKey}\nletters: ${lettersDir}\ndossiers: ${dossiersDir}`);
    return { vaultDir, recoveryKey };
  } finally {
    vault.close();
  }
}
