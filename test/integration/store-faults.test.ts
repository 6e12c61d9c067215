import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../electron/store/audit.ts';
import { openStore } from '../../electron/store/open.ts';
import { createVault, unlockVault } from '../../electron/store/vault.ts';
import { verifyStore } from '../../electron/store/verify.ts';
import { exited, startChild, waitForLine } from '../support/children.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';

const PASS = 'correct horse battery';
const actor = 'tester';

/** A vault with enough rows to span many pages, so damage can land away from page 1. */
async function populatedVault(): Promise<string> {
  const dir = tempDir();
  const { vault } = await createVault(dir, PASS, { actor, kdf: FAST_KDF });
  vault.db.transaction(() => {
    for (let i = 0; i < 300; i += 1) appendAudit(vault.db, { actor, action: 'test.fill', entity: 'test', entityId: `row-${i}`, after: { i } });
  })();
  vault.close();
  return dir;
}

const snapshot = (dir: string) => ['vault.json', 'store.db'].map((name) => readFileSync(join(dir, name)));
const expectUnchanged = (dir: string, before: Buffer[]) =>
  snapshot(dir).forEach((bytes, i) => expect(bytes.equals(before[i]!)).toBe(true));

describe('store faults', () => {
  it('leaves files byte-identical after a wrong passphrase', async () => {
    const dir = await populatedVault();
    const before = snapshot(dir);
    await expect(unlockVault(dir, 'wrong passphrase!')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expectUnchanged(dir, before);
  });

  it('reports a truncated store as damaged, without crashing or deleting anything', async () => {
    const dir = await populatedVault();
    truncateSync(join(dir, 'store.db'), 1000);
    const before = snapshot(dir);
    await expect(unlockVault(dir, PASS)).rejects.toMatchObject({ code: 'store-damaged' });
    truncateSync(join(dir, 'store.db'), 0);
    await expect(unlockVault(dir, PASS)).rejects.toMatchObject({ code: 'store-damaged' });
    expect(before[0]!.equals(readFileSync(join(dir, 'vault.json')))).toBe(true);
  });

  it('reports a store cut in half as damaged at unlock or in verify', async () => {
    const dir = await populatedVault();
    truncateSync(join(dir, 'store.db'), Math.floor(statSync(join(dir, 'store.db')).size / 2));
    const outcome = await unlockVault(dir, PASS).then(
      (vault) => {
        const report = verifyStore(vault.db, join(dir, 'store.db'), vault.dek);
        vault.close();
        return report.ok ? 'undetected' : 'verify-failed';
      },
      (error: { code: string }) => error.code,
    );
    expect(['store-damaged', 'verify-failed']).toContain(outcome);
  });

  it('reports a bit flip in the first page as damaged at unlock', async () => {
    const dir = await populatedVault();
    const bytes = readFileSync(join(dir, 'store.db'));
    bytes[200]! ^= 0x01;
    writeFileSync(join(dir, 'store.db'), bytes);
    const before = snapshot(dir);
    await expect(unlockVault(dir, PASS)).rejects.toMatchObject({ code: 'store-damaged' });
    expectUnchanged(dir, before);
  });

  it('finds a bit flip in a later page with verify (cipher integrity)', async () => {
    const dir = await populatedVault();
    const bytes = readFileSync(join(dir, 'store.db'));
    const pageSize = 4096;
    const lastPage = Math.floor(bytes.length / pageSize) - 1;
    bytes[lastPage * pageSize + 100]! ^= 0x80;
    writeFileSync(join(dir, 'store.db'), bytes);
    const vault = await unlockVault(dir, PASS);
    const report = verifyStore(vault.db, join(dir, 'store.db'), vault.dek);
    vault.close();
    expect(report.ok).toBe(false);
    expect(report.checks.find((check) => check.name === 'cipher-integrity')?.ok).toBe(false);
  });

  it('detects an altered audit row through the hash chain', async () => {
    const dir = await populatedVault();
    const vault = await unlockVault(dir, PASS);
    expect(verifyStore(vault.db, join(dir, 'store.db'), vault.dek).ok).toBe(true);
    // The store refuses edits through SQL; an attacker would have to drop the trigger first.
    expect(() => vault.db.prepare(`UPDATE audit_log SET actor = 'mallory' WHERE seq = 5`).run()).toThrow(/append-only/);
    vault.db.exec('DROP TRIGGER audit_log_no_update');
    vault.db.prepare(`UPDATE audit_log SET actor = 'mallory' WHERE seq = 5`).run();
    const report = verifyStore(vault.db, join(dir, 'store.db'), vault.dek);
    vault.close();
    expect(report.checks.find((check) => check.name === 'audit-chain')).toMatchObject({ ok: false, detail: 'audit row 5 was altered' });
  });

  it('refuses a store written by a newer version, untouched', async () => {
    const dir = await populatedVault();
    const vault = await unlockVault(dir, PASS);
    vault.db.pragma('user_version=99');
    vault.close();
    const before = snapshot(dir);
    await expect(unlockVault(dir, PASS)).rejects.toMatchObject({ code: 'store-newer-version' });
    expectUnchanged(dir, before);
  });

  it('refuses a plaintext SQLite file in place of the store', async () => {
    const dir = await populatedVault();
    const { default: Database } = await import('better-sqlite3-multiple-ciphers');
    const path = join(dir, 'store.db');
    writeFileSync(path, '');
    const plain = new Database(path);
    plain.exec('CREATE TABLE t (x TEXT)');
    plain.close();
    await expect(unlockVault(dir, PASS)).rejects.toMatchObject({ code: 'store-damaged', detail: 'store.db is not encrypted' });
  });

  it('refuses a second process on the same store with store-in-use', async () => {
    const dir = await populatedVault();
    const holder = startChild('hold-store.ts', [dir, PASS]);
    try {
      await waitForLine(holder, (line) => line === 'ready');
      await expect(unlockVault(dir, PASS)).rejects.toMatchObject({ code: 'store-in-use' });
    } finally {
      holder.kill('SIGKILL');
      await exited(holder);
    }
    // The OS drops the lock with the process: no stale lock file blocks the next open.
    (await unlockVault(dir, PASS)).close();
  });

  it('survives kill -9 in the middle of writing: integrity ok, every committed transaction whole', async () => {
    const dir = await populatedVault();
    const writer = startChild('write-forever.ts', [dir, PASS]);
    let lastCommitted = 0;
    writer.stdout!.on('data', (chunk: Buffer) => {
      const numbers = chunk.toString().trim().split('\n').map(Number).filter(Number.isFinite);
      if (numbers.length) lastCommitted = Math.max(lastCommitted, ...numbers);
    });
    await waitForLine(writer, (line) => Number(line) >= 300);
    writer.kill('SIGKILL');
    await exited(writer);

    const vault = await unlockVault(dir, PASS);
    expect(verifyStore(vault.db, join(dir, 'store.db'), vault.dek).ok).toBe(true);
    const rows = vault.db.prepare('SELECT txn, count(*) AS parts FROM crash_probe GROUP BY txn ORDER BY txn').all() as { txn: number; parts: number }[];
    vault.close();
    expect(rows.length).toBeGreaterThanOrEqual(lastCommitted);
    expect(rows.every((row) => row.parts === 2)).toBe(true);
    expect(rows.map((row) => row.txn)).toEqual(rows.map((_, i) => i + 1));
  });

  it('opens the store file only with the right raw key', async () => {
    const dir = await populatedVault();
    expect(() => openStore(join(dir, 'store.db'), Buffer.alloc(32, 1))).toThrow(expect.objectContaining({ code: 'store-damaged' }));
  });
});
