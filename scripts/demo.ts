// `npm run demo -- --out DIR`: a demo vault with a realistic scenario, a sample meeting dossier (its composition, and
// edition 1 as PDF and DOCX) and sample letters (DOCX and PDF) in DIR (scripts/demo-vault.ts makes it).
// Runs with no data, no display and no network: the main job on a fresh machine.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { makeDemo } from './demo-vault.ts';

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
const passphrase = values.passphrase ?? process.env.OMBUDS_PASSPHRASE ?? 'демо Хорог 2024 кӯҳ ва дарё';
await makeDemo(out, { passphrase, log: (line) => console.log(line) });
