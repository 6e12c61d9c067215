// `npm run demo -- --out DIR`: a demo vault with a realistic scenario, and sample letters (DOCX and PDF) in DIR.
// Runs with no data, no display and no network: the main job on a fresh machine.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CorrespondenceService } from '../electron/services/correspondence-service.ts';
import { importInBatches } from '../electron/services/interchange/batched-import.ts';
import { parseInterchange } from '../electron/services/interchange/json-import.ts';
import { LetterFiles } from '../electron/services/letter-files.ts';
import { LetterService } from '../electron/services/letters/letter-service.ts';
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
  const samples: [string, DraftRequest][] = [
    ['follow-up-ru', { kind: 'follow-up', counterpartId: 'cp-kz-ombudsman', language: 'ru' }],
    ['appeal-tg', { kind: 'appeal', counterpartId: 'cp-kz-ombudsman', language: 'tg', incidentIds: ['in-fotekh-2024-03', 'in-moscow-2024-10'] }],
    ['information-request-en', { kind: 'information-request', counterpartId: 'cp-kz-ombudsman', language: 'en', incidentIds: ['in-fotekh-2024-03'] }],
  ];
  const lettersDir = join(out, 'letters');
  mkdirSync(lettersDir, { recursive: true });
  for (const [name, request] of samples) {
    const { letter, fingerprint } = await letters.register(letters.draft(request, today), today);
    for (const format of ['pdf', 'docx'] as const) writeFileSync(join(lettersDir, `${name}.${format}`), letters.file(letter.id, format).bytes);
    console.log(`${name}: No. ${letter.number} of ${letter.date}, SHA-256 ${fingerprint.slice(0, 16)}…, reply expected by ${letter.expectedReplyBy}`);
  }
  const ledger = registry.ledger('cp-kz-ombudsman', today);
  console.log(`ledger: sent ${ledger.sent}, answered ${ledger.answered}, unanswered ${ledger.unanswered}, overdue ${ledger.overdue}`);
  console.log(`\nvault: ${vaultDir}\npassphrase: ${passphrase}\nrecovery key: ${recoveryKey}\nletters: ${lettersDir}`);
} finally {
  vault.close();
}
