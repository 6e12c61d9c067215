// `npm run demo -- --out DIR`: a demo vault with a realistic scenario, sample letters (DOCX and PDF) and a sample
// meeting dossier (its composition, and edition 1 as PDF and DOCX) in DIR.
// Runs with no data, no display and no network: the main job on a fresh machine.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CorrespondenceService } from '../electron/services/correspondence-service.ts';
import { importInBatches } from '../electron/services/interchange/batched-import.ts';
import { parseInterchange } from '../electron/services/interchange/json-import.ts';
import { LetterFiles } from '../electron/services/letter-files.ts';
import { LetterService } from '../electron/services/letters/letter-service.ts';
import { DossierService } from '../electron/services/dossier/dossier-service.ts';
import type { DossierCompositionInput } from '../shared/domain/dossier.ts';
import { missingTextKey } from '../shared/domain/translations.ts';
import { createVault } from '../electron/store/vault.ts';
import type { DraftRequest } from '../shared/domain/letter-draft.ts';

const { values } = parseArgs({ options: { out: { type: 'string' }, passphrase: { type: 'string' } } });
if (!values.out) {
  console.error('usage: npm run demo -- --out DIR [--passphrase P]');
  process.exit(64);
}
const out = resolve(values.out);
const vaultDir = join(out, 'vault');
if (existsSync(vaultDir) && readdirSync(vaultDir).length > 0) {
  console.error(`${vaultDir} already holds a vault; choose another --out`);
  process.exit(64);
}
mkdirSync(vaultDir, { recursive: true });
const passphrase = values.passphrase ?? process.env.OMBUDS_PASSPHRASE ?? 'демо Хорог 2024 кӯҳ ва дарё';
const scenario = (name: string) => readFileSync(new URL(`../test/fixtures/${name}`, import.meta.url), 'utf8');

const { vault, recoveryKey } = await createVault(vaultDir, passphrase, { actor: 'demo' });
try {
  // The scenario: a border detention at «Fotekh» and detainees shown beaten on television; eleven letters to the
  // Kazakh ombudsman over 2024, one answered; the office's letterhead, signatory and executor.
  for (const file of ['border-detention.json', 'kz-ombudsman-letters.json']) await importInBatches(vault.db, parseInterchange(vault.db, scenario(file)), 'demo');
  const store = () => vault.db;
  const registry = new CorrespondenceService(store, 'demo');
  const letters = new LetterService(store, registry, new LetterFiles(store, () => 2 ** 31, 'demo'), 'demo');
  letters.saveOffice(JSON.parse(scenario('office.json')));

  const today = new Date().toISOString().slice(0, 10);
  // A Russian dossier for the meeting with the Kazakh ombudsman: both incidents, every section but the letters annex,
  // issued before the sample letters below, so its ledger shows the scenario's register (11 sent, 1 answered).
  // Texts the records lack in Russian are printed in their original, deliberately (as staff would choose in the window).
  const dossiers = new DossierService(store, 'demo');
  const composition: DossierCompositionInput = {
    id: 'dossier-kz-ombudsman',
    title: 'Встреча с Уполномоченным по правам человека в Республике Казахстан',
    meeting: { with: 'Уполномоченный по правам человека в Республике Казахстан', place: 'Астана' },
    counterpartIds: ['cp-kz-ombudsman'],
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
  console.log(`dossier: edition ${edition.edition} of «${composition.title}», ${edition.pages} pages, SHA-256 ${edition.sha256.slice(0, 16)}…`);

  const samples: [string, DraftRequest][] = [
    ['follow-up-ru', { kind: 'follow-up', counterpartId: 'cp-kz-ombudsman', language: 'ru' }],
    ['appeal-tg', { kind: 'appeal', counterpartId: 'cp-kz-ombudsman', language: 'tg', incidentIds: ['in-fotekh-2024-03', 'in-moscow-2024-10'] }],
    ['information-request-en', { kind: 'information-request', counterpartId: 'cp-kz-ombudsman', language: 'en', incidentIds: ['in-fotekh-2024-03'] }],
  ];
  const lettersDir = join(out, 'letters');
  mkdirSync(lettersDir, { recursive: true });
  for (const [name, request] of samples) {
    // A text the records lack in the letter's language is kept in its original, deliberately (registration refuses
    // a letter with texts neither translated nor kept).
    const { missing } = letters.draft(request, today);
    const { letter, fingerprint } = await letters.register(letters.draft({ ...request, keepOriginal: missing.map(missingTextKey) }, today), today);
    for (const format of ['pdf', 'docx'] as const) writeFileSync(join(lettersDir, `${name}.${format}`), letters.file(letter.id, format).bytes);
    console.log(`${name}: No. ${letter.number} of ${letter.date}, SHA-256 ${fingerprint.slice(0, 16)}…, reply expected by ${letter.expectedReplyBy}`);
  }
  const ledger = registry.ledger('cp-kz-ombudsman', today);
  console.log(`ledger: sent ${ledger.sent}, answered ${ledger.answered}, unanswered ${ledger.unanswered}, overdue ${ledger.overdue}`);

  console.log(`\nvault: ${vaultDir}\npassphrase: ${passphrase}\nrecovery key: ${recoveryKey}\nletters: ${lettersDir}\ndossiers: ${dossiersDir}`);
} finally {
  vault.close();
}
