// Child process for the leak scan: a whole scripted workflow through the app's router, in its own TMPDIR.
import { readFileSync, writeFileSync } from 'node:fs';
import { dropBytes } from '../drop.ts';
import { scriptedDialogs } from '../scripted-dialogs.ts';
import { join } from 'node:path';
import { createApp } from '../../../electron/app.ts';
import { unlockVault } from '../../../electron/store/vault.ts';
import { audited } from '../../../electron/store/audit.ts';
import { passphraseBytes } from '../passphrase.ts';
import { FAST_KDF } from '../fast-kdf.ts';
import { routerCall } from '../router-call.ts';

// userDir holds what the user chose to export and the files they took in as evidence: case data by design, so
// it is the one folder the scan skips.
const [dataDir, outDir, userDir, ...canaries] = process.argv.slice(2) as [string, string, string, ...string[]];
const PASS = 'canary workflow passphrase';
const dialogs = scriptedDialogs();
const queue = dialogs.next;
const app = createApp({
  dataDir,
  actor: 'tester',
  dialogs,
  // The cheap KDF: what the scan looks for is case data, not the cost of Argon2id.
  kdf: FAST_KDF,
});
const call = routerCall(app.router);

await call('vault:create', { passphrase: passphraseBytes(PASS) });
queue.push(join(outDir, 'sheet.pdf'));
await call('vault:saveRecoverySheet', { language: 'ru' });
await call('vault:confirmRecoverySaved');
app.lock('user');
// Case data goes in through the store's own connection, as the record services of later issues will.
const vault = await unlockVault(dataDir, PASS);
vault.db.exec('CREATE TABLE IF NOT EXISTS leak_probe (note TEXT NOT NULL) STRICT');
for (const canary of canaries) {
  audited(vault.db, () => ({ actor: 'tester', action: 'probe.insert', entity: 'probe' }), () =>
    vault.db.prepare('INSERT INTO leak_probe (note) VALUES (?)').run(canary));
}
vault.close();
await call('vault:unlock', { passphrase: passphraseBytes(PASS) });
await call('settings:update', { autoLockMinutes: 7 });
queue.push(join(outDir, 'backup.ombudsbackup'));
await call('vault:backup');
await call('vault:changePassphrase', { current: passphraseBytes(PASS), next: passphraseBytes(`${PASS} 2`) });
await call('vault:verify');
queue.push(join(outDir, 'backup.ombudsbackup'));
await call('vault:restore', { passphrase: passphraseBytes(PASS) });
app.lock('idle');
await call('vault:unlock', { passphrase: passphraseBytes(PASS) });

// The record services: a place, a person, an incident, evidence in and out, exports and imports of each kind.
const [name, place, words] = canaries as [string, string, string];
await call('places:save', { id: 'pl-c', name: place, kind: 'border-crossing', country: 'KZ' });
await call('persons:save', { id: 'ps-c', kind: 'individual', name, characteristics: ['women'], disclosure: 'withheld' });
await call('incidents:save', { id: 'in-c', title: place, description: words, startDate: '2024-03-11', placeId: 'pl-c', victimIds: ['ps-c'], sources: [{ type: 'complaint', reference: name }] });
await call('incidents:search', { text: words });
await call('persons:list', { text: name.slice(14) });
await call('searches:save', { id: 's-c', name: words, query: { text: words } });
const evidenceFile = join(userDir, 'statement.txt');
writeFileSync(evidenceFile, `${name}\n${words}\n`);
// Dropped onto the window: the window reads the file and sends its bytes; main gets no path.
const dropped = await dropBytes(app.router, 'in-c', 'statement.txt', readFileSync(evidenceFile));
if (!dropped.ok) throw new Error(`evidence drop failed: ${dropped.error.code}`);
const evidence = dropped.value as { id: string };
await call('evidence:preview', { id: evidence.id });
queue.push(join(userDir, 'statement-copy.txt'));
await call('evidence:export', { id: evidence.id });
for (const format of ['json', 'csv', 'xlsx'] as const) {
  queue.push(join(userDir, `export.${format}`));
  await call('transfer:export', { format });
  queue.push(join(userDir, `export.${format}`));
  const { token } = (await call('import:choose')) as { token: string };
  const { jobId } = (await call('import:start', { token, mode: 'check', mapping: format === 'json' ? null : { title: 1, startDate: 2 } })) as { jobId: string };
  while (((await call('import:status', { jobId })) as { state: string }).state === 'running') await new Promise((resolve) => setTimeout(resolve, 10));
}
// Letters: the office, a counterpart, an appeal naming the withheld victim (deliberately), registered; PDF out.
const office = JSON.parse(readFileSync(new URL('../../fixtures/office.json', import.meta.url), 'utf8')) as { executor: { name: string; phone: string } };
await call('office:save', { ...office, executor: { name, phone: '+992 37 221-70-90' } });
await call('counterparts:save', { id: 'cp-c', institution: place, position: 'Уполномоченный', name: 'Иванова Татьяна Николаевна', country: 'KZ' });
const draft = await call('letters:draft', { kind: 'appeal', counterpartId: 'cp-c', language: 'ru', incidentIds: ['in-c'], revealWithheld: true });
const registered = (await call('letters:registerDraft', draft)) as { files: { id: string; role: string }[] };
queue.push(join(userDir, 'letter-copy.pdf'));
await call('letters:exportFile', { id: registered.files.find((file) => file.role === 'pdf')!.id });
const found = (await unlockProbe()).length;
writeFileSync(join(outDir, 'done.txt'), String(found));
app.dispose();

async function unlockProbe(): Promise<string[]> {
  app.lock('user');
  const check = await unlockVault(dataDir, PASS);
  const notes = check.db.prepare('SELECT note FROM leak_probe').pluck().all() as string[];
  check.close();
  return notes;
}
