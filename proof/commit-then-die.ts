// A writer killed after its commits (proof/corruption.ts): opens the vault, commits COUNT transactions of audit
// rows, then SIGKILLs itself, so the committed work lives only in store.db-wal — the WAL a crash leaves, made
// with no timing. The rows are real audit rows, so the hash chain covers them.
import { appendAudit } from '../electron/store/audit.ts';
import { unlockVault } from '../electron/store/vault.ts';
import { PASSPHRASE } from './vaults.ts';

const [dir, count] = process.argv.slice(2) as [string, string];
const vault = await unlockVault(dir, PASSPHRASE);
for (let n = 1; n <= Number(count); n += 1) {
  vault.db.transaction(() => appendAudit(vault.db, { actor: 'proof', action: 'proof.commit', entity: 'proof', entityId: `commit-${n}` }))();
}
process.stdout.write(`committed ${count}\n`);
process.kill(process.pid, 'SIGKILL');
