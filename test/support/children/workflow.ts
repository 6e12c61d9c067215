// Child process for the leak scan: a whole scripted workflow through the app's router, in its own TMPDIR.
import { writeFileSync } from 'node:fs';
import { scriptedDialogs } from '../scripted-dialogs.ts';
import { join } from 'node:path';
import { createApp } from '../../../electron/app.ts';
import { unlockVault } from '../../../electron/store/vault.ts';
import { audited } from '../../../electron/store/audit.ts';

const [dataDir, outDir, ...canaries] = process.argv.slice(2) as [string, string, ...string[]];
const PASS = 'canary workflow passphrase';
const dialogs = scriptedDialogs();
const queue = dialogs.next;
const app = createApp({
  dataDir,
  actor: 'tester',
  dialogs,
});
const call = async (channel: string, input: unknown = {}) => {
  const result = await app.router.handle(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}`);
  return result.value;
};

await call('vault:create', { passphrase: PASS });
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
await call('vault:unlock', { passphrase: PASS });
await call('settings:update', { autoLockMinutes: 7 });
queue.push(join(outDir, 'backup.ombudsbackup'));
await call('vault:backup');
await call('vault:changePassphrase', { current: PASS, next: `${PASS} 2` });
await call('vault:verify');
queue.push(join(outDir, 'backup.ombudsbackup'));
await call('vault:restore', { passphrase: PASS });
app.lock('idle');
await call('vault:unlock', { passphrase: PASS });
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
