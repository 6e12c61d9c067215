// Child process: runs a restore or a backup and SIGKILLs itself when the named step is reached (kill -9 at a
// known point, no timing). Exits normally, printing "finished", when the step never came.
import { createBackup } from '../../../electron/store/backup.ts';
import { restoreBackup } from '../../../electron/store/restore.ts';
import { unlockVault } from '../../../electron/store/vault.ts';

const [operation, dir, file, passphrase, step] = process.argv.slice(2) as ['restore' | 'backup', string, string, string, string];
const dieAt = (reached: string) => {
  if (reached === step) process.kill(process.pid, 'SIGKILL');
};

if (operation === 'restore') {
  (await restoreBackup(dir, file, passphrase, 'tester', { onStep: dieAt })).close();
} else {
  const vault = await unlockVault(dir, passphrase);
  createBackup(vault, file, 'tester', new Date(), { onStep: dieAt });
  vault.close();
}
process.stdout.write('finished\n');
