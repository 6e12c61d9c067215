import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../electron/store/audit.ts';
import { createBackup } from '../../electron/store/backup.ts';
import { restoreBackup } from '../../electron/store/restore.ts';
import { changePassphrase, createVault, unlockVault, unlockVaultWithRecoveryKey } from '../../electron/store/vault.ts';
import { verifyStore } from '../../electron/store/verify.ts';
import { canMount, mountTmpfs } from '../support/mounts.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';

const PASS = 'correct horse battery';
const actor = 'tester';

async function vaultWithRows(rows = 50) {
  const dir = tempDir();
  const { vault, recoveryKey } = await createVault(dir, PASS, { actor, kdf: FAST_KDF });
  vault.db.transaction(() => {
    for (let i = 0; i < rows; i += 1) appendAudit(vault.db, { actor, action: 'test.fill', entity: 'test', entityId: `row-${i}` });
  })();
  return { dir, vault, recoveryKey };
}

const auditRows = (dir: string) =>
  unlockVault(dir, PASS).then((vault) => {
    const ids = vault.db.prepare(`SELECT entity_id FROM audit_log WHERE action = 'test.fill' ORDER BY seq`).pluck().all();
    vault.close();
    return ids;
  });

const listing = (dir: string) => readdirSync(dir).sort();

describe('backup and restore', () => {
  it('writes an encrypted, verified backup that restores into an empty folder (a new computer)', async () => {
    const { dir, vault, recoveryKey } = await vaultWithRows();
    const out = join(tempDir(), 'office.ombudsbackup');
    createBackup(vault, out, actor);
    vault.close();
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 22).toString('latin1')).toBe('OMBUDS-DOSSIER-BACKUP\n');
    expect(bytes.includes('row-1')).toBe(false);
    expect(bytes.includes('SQLite format 3')).toBe(false);
    expect(readdirSync(join(out, '..'))).toEqual(['office.ombudsbackup']);

    const fresh = join(tempDir(), 'new-computer');
    const restored = await restoreBackup(fresh, out, PASS, actor);
    expect(verifyStore(restored.db, join(fresh, 'store.db'), restored.dek).ok).toBe(true);
    restored.close();
    expect(await auditRows(fresh)).toEqual(await auditRows(dir));
    // The backup carries the envelope, so the recovery key opens the restored vault too.
    unlockVaultWithRecoveryKey(fresh, recoveryKey).close();
    expect(listing(fresh)).toEqual(['store.db', 'vault.json']);
  });

  it('restores over an existing store with the passphrase valid at backup time', async () => {
    const { dir, vault } = await vaultWithRows(10);
    const out = join(tempDir(), 'b.ombudsbackup');
    createBackup(vault, out, actor);
    appendAudit(vault.db, { actor, action: 'test.fill', entity: 'test', entityId: 'after-backup' });
    (await changePassphrase(vault, PASS, 'a later passphrase', { actor, kdf: FAST_KDF })).close();

    await expect(restoreBackup(dir, out, 'a later passphrase', actor)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    (await restoreBackup(dir, out, PASS, actor)).close();
    const ids = await auditRows(dir);
    expect(ids).toHaveLength(10);
    expect(ids).not.toContain('after-backup');
    expect(listing(dir).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('refuses a file that is not a backup, and a damaged or truncated one, before replacing anything', async () => {
    const { dir, vault } = await vaultWithRows();
    const out = join(tempDir(), 'b.ombudsbackup');
    createBackup(vault, out, actor);
    vault.close();
    const live = ['vault.json', 'store.db'].map((name) => readFileSync(join(dir, name)));
    const expectLiveUntouched = () => {
      ['vault.json', 'store.db'].forEach((name, i) => expect(readFileSync(join(dir, name)).equals(live[i]!)).toBe(true));
      expect(listing(dir)).toEqual(['store.db', 'vault.json']);
    };

    const notOurs = join(tempDir(), 'holiday.jpg');
    writeFileSync(notOurs, Buffer.from('\xff\xd8\xff\xe0 not a backup at all', 'latin1'));
    await expect(restoreBackup(dir, notOurs, PASS, actor)).rejects.toMatchObject({ code: 'backup-invalid' });
    await expect(restoreBackup(dir, join(tempDir(), 'missing.ombudsbackup'), PASS, actor)).rejects.toMatchObject({ code: 'backup-invalid' });
    expectLiveUntouched();

    const flipped = readFileSync(out);
    flipped[flipped.length - 5000]! ^= 0x10;
    const flippedPath = join(tempDir(), 'flipped.ombudsbackup');
    writeFileSync(flippedPath, flipped);
    await expect(restoreBackup(dir, flippedPath, PASS, actor)).rejects.toMatchObject({ code: 'backup-damaged' });

    const truncatedPath = join(tempDir(), 'cut.ombudsbackup');
    writeFileSync(truncatedPath, readFileSync(out));
    truncateSync(truncatedPath, statSync(out).size - 4096);
    await expect(restoreBackup(dir, truncatedPath, PASS, actor)).rejects.toMatchObject({ code: 'backup-damaged' });

    const badHeader = readFileSync(out);
    badHeader[40]! ^= 0x20;
    const badHeaderPath = join(tempDir(), 'header.ombudsbackup');
    writeFileSync(badHeaderPath, badHeader);
    await expect(restoreBackup(dir, badHeaderPath, PASS, actor)).rejects.toMatchObject({ code: 'backup-damaged' });
    expectLiveUntouched();
    (await unlockVault(dir, PASS)).close();
  });

  it.skipIf(!canMount)('leaves no partial file on a full disk', async () => {
    const { vault } = await vaultWithRows(3000);
    const disk = mountTmpfs(tempDir(), 'size=256k');
    try {
      const out = join(disk.path, 'b.ombudsbackup');
      expect(() => createBackup(vault, out, actor)).toThrow(expect.objectContaining({ code: 'disk-full' }));
      expect(readdirSync(disk.path)).toEqual([]);
    } finally {
      disk.unmount();
      vault.close();
    }
  });

  it.skipIf(!canMount)('refuses a read-only target cleanly', async () => {
    const { vault } = await vaultWithRows();
    const disk = mountTmpfs(tempDir(), 'size=4m,ro');
    try {
      expect(() => createBackup(vault, join(disk.path, 'b.ombudsbackup'), actor)).toThrow(expect.objectContaining({ code: 'read-only' }));
      expect(readdirSync(disk.path)).toEqual([]);
    } finally {
      disk.unmount();
      vault.close();
    }
  });

  it('refuses a backup target folder that does not exist', async () => {
    const { vault } = await vaultWithRows();
    expect(() => createBackup(vault, join(tempDir(), 'no', 'such', 'b.ombudsbackup'), actor)).toThrow(expect.objectContaining({ code: 'io-error' }));
    vault.close();
  });

  it('keeps the old store when the restored one fails verification in place', async () => {
    const { dir, vault } = await vaultWithRows();
    const out = join(tempDir(), 'b.ombudsbackup');
    createBackup(vault, out, actor);
    vault.close();
    const before = readFileSync(join(dir, 'store.db'));
    // A backup from a newer app version: intact, but this version must not replace the store with it.
    const newer = await vaultWithRows(1);
    newer.vault.db.pragma('user_version=42');
    const newerOut = join(tempDir(), 'newer.ombudsbackup');
    createBackup(newer.vault, newerOut, actor);
    newer.vault.close();
    await expect(restoreBackup(dir, newerOut, PASS, actor)).rejects.toMatchObject({ code: 'store-newer-version' });
    expect(readFileSync(join(dir, 'store.db')).equals(before)).toBe(true);
    expect(existsSync(join(dir, 'vault.json'))).toBe(true);
    expect(listing(dir)).toEqual(['store.db', 'vault.json']);
  });
});
