// Child process: opens a vault and keeps it open until killed (a second app or CLI on the same store).
import { unlockVault } from '../../../electron/store/vault.ts';

const [dir, passphrase] = process.argv.slice(2) as [string, string];
const vault = await unlockVault(dir, passphrase);
process.stdout.write('ready\n');
setInterval(() => vault.db.prepare('SELECT 1').get(), 1000);
