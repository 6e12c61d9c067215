// Child process for the key-material scan: unlocks a vault, reads from it, locks, collects garbage, then says
// "locked" and waits (its memory is read by the test meanwhile) until its stdin closes.
//   cli:    the CLI's own path — the passphrase read as bytes from a 0600 file, `withVault` unlocks and closes.
//   window: the window's path — the app's router, called as IPC calls it (each passphrase a fresh Uint8Array of
//           its UTF-8, as the structured clone delivers it; the router zeroes it): unlock, a read, a passphrase
//           change (current and new passphrase, so the strength check runs too), lock.
import { readFileSync } from 'node:fs';
import { withVault } from '../../../electron/cli/commands/vault-commands.ts';
import { createApp } from '../../../electron/app.ts';
import { scriptedDialogs } from '../scripted-dialogs.ts';
import { FAST_KDF } from '../fast-kdf.ts';
import { routerCall } from '../router-call.ts';

// The last argument is a beacon the test looks for, to prove its scan reads this process.
const [mode, dir, passphraseFile, newPassphraseFile] = process.argv.slice(2) as ['cli' | 'window', string, string, string, string];
if (mode === 'cli') {
  await withVault({ store: dir, positionals: [], passphraseFile }, (vault) => vault.db.prepare('SELECT count(*) FROM audit_log').get());
} else {
  // FAST_KDF for the new passphrase's wrap.
  const app = createApp({ dataDir: dir, dialogs: scriptedDialogs(), actor: 'tester', kdf: FAST_KDF });
  const call = routerCall(app.router);
  // What IPC hands main: a Uint8Array of its own over an ArrayBuffer whose bytes live outside V8's heap (the
  // structured clone always gives an ArrayBuffer its own backing store). Not `new Uint8Array(read)`: V8 keeps a
  // typed array of 64 bytes or less inside its heap, where a scavenge moves it and leaves the old copy unzeroed,
  // so the router's fill(0) cannot reach it — a copy IPC never makes, which left the passphrase behind on some
  // runs. The file's Buffer is this stand-in's, so it zeroes it.
  const delivered = (path: string) => {
    const read = readFileSync(path);
    const bytes = new Uint8Array(new ArrayBuffer(read.length));
    bytes.set(read);
    read.fill(0);
    return bytes;
  };
  await call('vault:unlock', { passphrase: delivered(passphraseFile) });
  app.session.store().prepare('SELECT count(*) FROM audit_log').get();
  await call('vault:changePassphrase', { current: delivered(passphraseFile), next: delivered(newPassphraseFile) });
  app.dispose();
}
globalThis.gc!();
process.stdout.write('locked\n');
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
