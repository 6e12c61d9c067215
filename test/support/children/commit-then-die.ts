// Child process: commits COUNT transactions (one probe row each, several WAL frames), then SIGKILLs itself, so the
// committed work is left in store.db-wal, never checkpointed — a crash right after commits, with no timing.
import { unlockVault } from '../../../electron/store/vault.ts';

const [dir, passphrase, count] = process.argv.slice(2) as [string, string, string];
const vault = await unlockVault(dir, passphrase);
vault.db.exec('CREATE TABLE IF NOT EXISTS wal_probe (txn INTEGER PRIMARY KEY, payload TEXT NOT NULL) STRICT');
const insert = vault.db.prepare('INSERT INTO wal_probe (txn, payload) VALUES (?, ?)');
for (let txn = 1; txn <= Number(count); txn += 1) {
  vault.db.transaction(() => insert.run(txn, `${txn}`.padEnd(5000, '.')))();
}
process.stdout.write(`committed ${count}\n`);
process.kill(process.pid, 'SIGKILL');
