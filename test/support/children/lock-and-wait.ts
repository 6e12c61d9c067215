// Child process for the key-material scan: unlocks a vault, reads from it, locks, collects garbage, then says
// "locked" and waits (its memory is read by the test meanwhile) until its stdin closes.
//   cli:    the CLI's own path — the passphrase read as bytes from a 0600 file, `withVault` unlocks and closes.
//   window: the window's path — VaultSession.unlock with the passphrase as a JS string (as IPC delivers it), lock.
import { readFileSync } from 'node:fs';
import { withVault } from '../../../electron/cli/commands/vault-commands.ts';
import { VaultSession } from '../../../electron/services/vault-session.ts';

// The fourth argument is a beacon the test looks for, to prove its scan reads this process.
const [mode, dir, passphraseFile] = process.argv.slice(2) as ['cli' | 'window', string, string, string];
if (mode === 'cli') {
  await withVault({ store: dir, positionals: [], passphraseFile }, (vault) => vault.db.prepare('SELECT count(*) FROM audit_log').get());
} else {
  const session = new VaultSession({ dataDir: dir, actor: 'tester' });
  await session.unlock(readFileSync(passphraseFile, 'utf8'));
  session.store().prepare('SELECT count(*) FROM audit_log').get();
  session.lock('user');
}
globalThis.gc!();
process.stdout.write('locked\n');
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
