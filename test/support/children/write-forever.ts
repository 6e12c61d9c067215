// Child process: commits transactions of two rows each, printing each committed number, until killed -9.
import { unlockVault } from '../../../electron/store/vault.ts';

const [dir, passphrase] = process.argv.slice(2) as [string, string];
const vault = await unlockVault(dir, passphrase);
vault.db.exec('CREATE TABLE IF NOT EXISTS crash_probe (txn INTEGER NOT NULL, part INTEGER NOT NULL, payload TEXT NOT NULL) STRICT');
const insert = vault.db.prepare('INSERT INTO crash_probe (txn, part, payload) VALUES (?, ?, ?)');
const payload = 'x'.repeat(3000);
for (let txn = 1; ; txn += 1) {
  vault.db.transaction(() => {
    insert.run(txn, 1, payload);
    insert.run(txn, 2, payload);
  })();
  process.stdout.write(`${txn}\n`);
  if (txn % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
}
