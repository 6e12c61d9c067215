import { chmodSync, chownSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksFileModes, type PermissionFix } from '../../electron/store/permissions.ts';
import { createVault, unlockVault, unlockVaultWithRecoveryKey } from '../../electron/store/vault.ts';
import { runCli } from '../support/cli.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';

// Issue 10, item 6: every file of the vault 0600 and every folder 0700 from creation, checked at every open.
const PASS = 'права доступа 2024 ҷ';
const actor = 'tester';
const mode = (path: string) => statSync(path).mode & 0o777;

/** Every entry under `dir` (itself included) with its mode, e.g. { '.': 0o700, 'store.db': 0o600 }. */
function modes(dir: string, prefix = ''): Record<string, number> {
  const found: Record<string, number> = { [prefix || '.']: mode(dir) };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(found, modes(join(dir, entry.name), name));
    else found[name] = mode(join(dir, entry.name));
  }
  return found;
}

describe.skipIf(!checksFileModes)('vault file permissions', () => {
  it('creates the folder 0700 and every file 0600 whatever the umask, the -wal included, even in a folder made 0755 beforehand', async () => {
    expect(process.umask() & 0o077).not.toBe(0); // the test means something only with a permissive umask (022 here)
    const dir = join(tempDir(), 'vault');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const { vault } = await createVault(dir, PASS, { actor, kdf: FAST_KDF });
    // In exclusive locking mode SQLite keeps the WAL index in memory, so there is no -shm to see; one would get the same mode.
    expect(modes(dir)).toEqual({ '.': 0o700, 'store.db': 0o600, 'store.db-wal': 0o600, 'vault.json': 0o600 });
    vault.close();
    const fresh = join(tempDir(), 'nested', 'vault');
    (await createVault(fresh, PASS, { actor, kdf: FAST_KDF })).vault.close();
    expect(Object.values(modes(fresh)).every((m) => m === 0o600 || m === 0o700)).toBe(true);
    expect(mode(fresh)).toBe(0o700);
  });

  it('tightens what is open to others at every open and says what it changed; the contents are untouched', async () => {
    const dir = join(tempDir(), 'vault');
    const { vault, recoveryKey } = await createVault(dir, PASS, { actor, kdf: FAST_KDF });
    vault.close();
    mkdirSync(join(dir, 'files'), { mode: 0o755 });
    writeFileSync(join(dir, 'files', 'abc'), 'x', { mode: 0o644 });
    chmodSync(join(dir, 'store.db'), 0o644);
    chmodSync(join(dir, 'vault.json'), 0o640);
    chmodSync(dir, 0o755);
    const store = readFileSync(join(dir, 'store.db'));
    const envelope = readFileSync(join(dir, 'vault.json'));

    const fixes: PermissionFix[] = [];
    (await unlockVault(dir, PASS, { onPermissionsTightened: (found) => fixes.push(...found) })).close();
    expect(fixes).toEqual(
      expect.arrayContaining([
        { path: '.', was: '0755' },
        { path: 'store.db', was: '0644' },
        { path: 'vault.json', was: '0640' },
        { path: 'files', was: '0755' },
        { path: join('files', 'abc'), was: '0644' },
      ]),
    );
    expect(modes(dir)).toMatchObject({ '.': 0o700, 'store.db': 0o600, 'vault.json': 0o600, files: 0o700, 'files/abc': 0o600 });
    expect(readFileSync(join(dir, 'vault.json')).equals(envelope)).toBe(true);
    expect(readFileSync(join(dir, 'store.db')).length).toBe(store.length);

    // The recovery path checks too.
    chmodSync(join(dir, 'store.db'), 0o604);
    unlockVaultWithRecoveryKey(dir, recoveryKey).close();
    expect(mode(join(dir, 'store.db'))).toBe(0o600);
  });

  it.skipIf(process.getuid?.() !== 0)('refuses a vault file that is open to others and belongs to another account, naming it; nothing is changed', async () => {
    const dir = join(tempDir(), 'vault');
    (await createVault(dir, PASS, { actor, kdf: FAST_KDF })).vault.close();
    chmodSync(join(dir, 'store.db'), 0o644);
    chownSync(join(dir, 'store.db'), 4242, 4242);
    await expect(unlockVault(dir, PASS)).rejects.toMatchObject({ code: 'vault-permissions', detail: 'store.db is 0644 and belongs to another user' });
    expect(mode(join(dir, 'store.db'))).toBe(0o644);
    // Tight enough, it may belong to anyone (an administrator's copy opened as root, say).
    chmodSync(join(dir, 'store.db'), 0o600);
    (await unlockVault(dir, PASS)).close();
  });

  it('the CLI warns on stderr when it tightens, and exits as usual', async () => {
    const dir = join(tempDir(), 'vault');
    (await createVault(dir, PASS, { actor, kdf: FAST_KDF })).vault.close();
    chmodSync(join(dir, 'store.db'), 0o644);
    const result = runCli(['unlock-check', '--store', dir], { OMBUDS_PASSPHRASE: PASS });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('ombuds: warning: the vault was open to other users; made private: store.db (was 0644)\n');
    expect(mode(join(dir, 'store.db'))).toBe(0o600);
    // Nothing to say the second time.
    expect(runCli(['unlock-check', '--store', dir], { OMBUDS_PASSPHRASE: PASS }).stderr).toBe('');
  });
});
