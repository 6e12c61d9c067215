import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../electron/store/audit.ts';
import { passphraseSlotOf, readEnvelope } from '../../electron/store/envelope.ts';
import { startsWithPlaintextHeader } from '../../electron/store/open.ts';
import { verifyStore } from '../../electron/store/verify.ts';
import {
  changePassphrase,
  createVault,
  emergencyDataKey,
  recoverVault,
  unlockVault,
  unlockVaultWithRecoveryKey,
  storePath,
} from '../../electron/store/vault.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';
import Database from 'better-sqlite3-multiple-ciphers';

const PASS = 'горная тропа 2024 Ҷ';
const actor = 'tester';

describe('vault', () => {
  it('creates an encrypted store with pragmas set and a recovery key in groups', async () => {
    const dir = tempDir();
    const { vault, recoveryKey } = await createVault(dir, PASS, { actor, kdf: FAST_KDF });
    expect(recoveryKey).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$/);
    expect(vault.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(vault.db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(vault.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(vault.db.pragma('trusted_schema', { simple: true })).toBe(0);
    expect(vault.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(vault.db.pragma('temp_store', { simple: true })).toBe(2);
    vault.close();
    expect(startsWithPlaintextHeader(join(dir, 'store.db'))).toBe(false);
    expect(readFileSync(join(dir, 'store.db')).includes('audit_log')).toBe(false);
    expect(passphraseSlotOf(readEnvelope(dir)).memoryKiB).toBe(FAST_KDF.memoryKiB);
    await expect(createVault(dir, PASS, { actor, kdf: FAST_KDF })).rejects.toMatchObject({ code: 'vault-exists' });
  });

  it('zeroes the data key when closed', async () => {
    const { vault } = await createVault(tempDir(), PASS, { actor, kdf: FAST_KDF });
    const key = vault.dek;
    expect(key.some((byte) => byte !== 0)).toBe(true);
    vault.close();
    expect(key.every((byte) => byte === 0)).toBe(true);
  });

  it('opens with the passphrase and with the recovery key, and refuses wrong ones', async () => {
    const dir = tempDir();
    const { vault, recoveryKey } = await createVault(dir, PASS, { actor, kdf: FAST_KDF });
    vault.close();
    (await unlockVault(dir, PASS)).close();
    unlockVaultWithRecoveryKey(dir, recoveryKey.toLowerCase().replaceAll('-', ' ')).close();
    await expect(unlockVault(dir, 'not the passphrase')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    const wrongKey = recoveryKey.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(() => unlockVaultWithRecoveryKey(dir, wrongKey)).toThrow(expect.objectContaining({ code: 'wrong-recovery-key' }));
    expect(() => unlockVaultWithRecoveryKey(dir, 'ABCD-EFGH')).toThrow(expect.objectContaining({ code: 'wrong-recovery-key' }));
  });

  it('changes the passphrase by re-wrapping only; the store file is not re-encrypted', async () => {
    const dir = tempDir();
    const { vault } = await createVault(dir, PASS, { actor, kdf: FAST_KDF });
    const envelopeBefore = readFileSync(join(dir, 'vault.json'), 'utf8');
    await expect(changePassphrase(vault, 'wrong current', 'new passphrase 77', { actor, kdf: FAST_KDF })).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(readFileSync(join(dir, 'vault.json'), 'utf8')).toBe(envelopeBefore);
    const changed = await changePassphrase(vault, PASS, 'new passphrase 77', { actor, kdf: FAST_KDF });
    changed.close();
    expect(readEnvelope(dir).recovery).toEqual(JSON.parse(envelopeBefore).recovery);
    await expect(unlockVault(dir, PASS)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    (await unlockVault(dir, 'new passphrase 77')).close();
  });

  it('recovers with the recovery key and sets a new passphrase; emergency key opens the store with plain SQLCipher settings', async () => {
    const dir = tempDir();
    const { vault, recoveryKey } = await createVault(dir, PASS, { actor, kdf: FAST_KDF });
    appendAudit(vault.db, { actor, action: 'test.canary', entity: 'test', entityId: 'CANARY-ROW' });
    vault.close();
    (await recoverVault(dir, recoveryKey, 'a brand new phrase', { actor, kdf: FAST_KDF })).close();
    (await unlockVault(dir, 'a brand new phrase')).close();

    const hex = emergencyDataKey(dir, recoveryKey);
    expect(hex).toMatch(/^[0-9a-f]{64}$/);
    // Standard SQLCipher 4 parameters and the raw key: what an administrator would type in sqlcipher.
    const raw = new Database(join(dir, 'store.db'), { readonly: true });
    raw.pragma(`cipher='sqlcipher'`);
    raw.pragma('legacy=4');
    raw.pragma(`key="x'${hex}'"`);
    expect(raw.prepare(`SELECT entity_id FROM audit_log WHERE action = 'test.canary'`).pluck().get()).toBe('CANARY-ROW');
    raw.close();
  });

  it('reports a missing or damaged vault.json precisely and never touches the store', async () => {
    const dir = tempDir();
    (await createVault(dir, PASS, { actor, kdf: FAST_KDF })).vault.close();
    const store = readFileSync(join(dir, 'store.db'));
    const envelope = readFileSync(join(dir, 'vault.json'), 'utf8');

    writeFileSync(join(dir, 'vault.json'), envelope.slice(0, 100));
    await expect(unlockVault(dir, PASS)).rejects.toMatchObject({ code: 'envelope-damaged' });
    writeFileSync(join(dir, 'vault.json'), envelope.replace('"argon2id"', '"scrypt"'));
    await expect(unlockVault(dir, PASS)).rejects.toMatchObject({ code: 'envelope-damaged' });
    const parsed = JSON.parse(envelope);
    parsed.passphrase.wrappedKey = Buffer.alloc(32, 7).toString('base64');
    writeFileSync(join(dir, 'vault.json'), JSON.stringify(parsed));
    await expect(unlockVault(dir, PASS)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    writeFileSync(join(dir, 'vault.json'), '');
    await expect(unlockVault(dir, PASS)).rejects.toMatchObject({ code: 'envelope-damaged' });
    const { rmSync } = await import('node:fs');
    rmSync(join(dir, 'vault.json'));
    await expect(unlockVault(dir, PASS)).rejects.toMatchObject({ code: 'envelope-missing' });
    expect(readFileSync(join(dir, 'store.db')).equals(store)).toBe(true);
    expect(existsSync(join(dir, 'store.db'))).toBe(true);
    await expect(unlockVault(tempDir(), PASS)).rejects.toMatchObject({ code: 'vault-not-found' });
  });

  describe('envelope fields are checked before use (issue 10, item 5)', () => {
    /** A vault whose vault.json is then edited by `tamper`; returns what is needed to try it. */
    async function tamperedVault(tamper: (envelope: Record<string, Record<string, unknown>>) => void) {
      const dir = tempDir();
      const { vault, recoveryKey } = await createVault(dir, PASS, { actor, kdf: FAST_KDF });
      vault.close();
      const envelope = JSON.parse(readFileSync(join(dir, 'vault.json'), 'utf8'));
      tamper(envelope);
      writeFileSync(join(dir, 'vault.json'), JSON.stringify(envelope));
      return { dir, recoveryKey, store: readFileSync(join(dir, 'store.db')) };
    }
    const shortened = (base64: unknown, bytes: number) => Buffer.from(String(base64), 'base64').subarray(0, bytes).toString('base64');

    it.each([4, 12])('refuses a %i-byte GCM tag (a prefix of the real one, which Node would accept) as a damaged envelope', async (bytes) => {
      const { dir, recoveryKey, store } = await tamperedVault((envelope) => {
        envelope.passphrase!.tag = shortened(envelope.passphrase!.tag, bytes);
        envelope.recovery!.tag = shortened(envelope.recovery!.tag, bytes);
      });
      await expect(unlockVault(dir, PASS)).rejects.toMatchObject({ code: 'envelope-damaged', detail: expect.stringContaining('passphrase.tag') });
      expect(() => unlockVaultWithRecoveryKey(dir, recoveryKey)).toThrow(expect.objectContaining({ code: 'envelope-damaged', detail: expect.stringContaining('recovery.tag') }));
      expect(() => emergencyDataKey(dir, recoveryKey)).toThrow(expect.objectContaining({ code: 'envelope-damaged' }));
      expect(readFileSync(join(dir, 'store.db')).equals(store)).toBe(true);
    });

    it('refuses an iv, salt or wrapped key of the wrong length, and non-canonical base64', async () => {
      const cases: [string, (slot: Record<string, unknown>) => void][] = [
        ['passphrase.iv', (slot) => (slot.iv = Buffer.alloc(16, 1).toString('base64'))],
        ['passphrase.iv', (slot) => (slot.iv = shortened(slot.iv, 8))],
        ['passphrase.salt', (slot) => (slot.salt = shortened(slot.salt, 8))],
        ['passphrase.wrappedKey', (slot) => (slot.wrappedKey = Buffer.alloc(48, 2).toString('base64'))],
        ['passphrase.tag', (slot) => (slot.tag = `${String(slot.tag).replace(/=+$/, '')}`)],
      ];
      for (const [field, tamper] of cases) {
        const { dir } = await tamperedVault((envelope) => tamper(envelope.passphrase!));
        await expect(unlockVault(dir, PASS)).rejects.toMatchObject({ code: 'envelope-damaged', detail: expect.stringContaining(field) });
      }
    });

    it('refuses KDF costs a writable vault.json could use to exhaust the machine, before running the KDF', async () => {
      for (const [field, value] of [['memoryKiB', 4_194_304], ['memoryKiB', 1_048_577], ['iterations', 100], ['parallelism', 64]] as const) {
        const { dir } = await tamperedVault((envelope) => (envelope.passphrase![field] = value));
        await expect(unlockVault(dir, PASS)).rejects.toMatchObject({ code: 'envelope-damaged', detail: expect.stringContaining(`passphrase.${field}`) });
      }
    });

    it('verify reports a damaged recovery slot while the passphrase still opens the vault; a damaged passphrase slot leaves recovery working', async () => {
      const { dir, recoveryKey } = await tamperedVault((envelope) => (envelope.recovery!.salt = 'not base64!'));
      const vault = await unlockVault(dir, PASS);
      const report = verifyStore(vault.db, storePath(dir), vault.dek, vault.envelope);
      vault.close();
      expect(report.ok).toBe(false);
      expect(report.checks.find((check) => check.name === 'recovery-slot')).toMatchObject({ ok: false, detail: expect.stringMatching(/recovery\.salt.*recovery key will not open/) });
      expect(() => unlockVaultWithRecoveryKey(dir, recoveryKey)).toThrow(expect.objectContaining({ code: 'envelope-damaged' }));

      const good = await tamperedVault(() => undefined);
      const healthy = await unlockVault(good.dir, PASS);
      expect(verifyStore(healthy.db, storePath(good.dir), healthy.dek, healthy.envelope).checks.find((check) => check.name === 'recovery-slot')).toMatchObject({ ok: true });
      healthy.close();

      const lostPassphraseSlot = await tamperedVault((envelope) => (envelope.passphrase!.iv = 'AAAA'));
      await expect(unlockVault(lostPassphraseSlot.dir, PASS)).rejects.toMatchObject({ code: 'envelope-damaged' });
      (await recoverVault(lostPassphraseSlot.dir, lostPassphraseSlot.recoveryKey, 'a brand new phrase', { actor, kdf: FAST_KDF })).close();
      (await unlockVault(lostPassphraseSlot.dir, 'a brand new phrase')).close();
    });

    it('verify finds a recovery slot altered but still well-formed (its check is keyed from the data key); a slot from before checks existed passes on form', async () => {
      const flipFirstByte = (base64: unknown) => {
        const bytes = Buffer.from(String(base64), 'base64');
        bytes[0] = bytes[0]! ^ 0x01;
        return bytes.toString('base64');
      };
      const recoverySlotCheck = async (tamper: (envelope: Record<string, Record<string, unknown>>) => void) => {
        const { dir } = await tamperedVault(tamper);
        const vault = await unlockVault(dir, PASS);
        const check = verifyStore(vault.db, storePath(dir), vault.dek, vault.envelope).checks.find((c) => c.name === 'recovery-slot');
        vault.close();
        return check;
      };
      for (const field of ['wrappedKey', 'iv', 'tag', 'salt'] as const) {
        expect(await recoverySlotCheck((envelope) => (envelope.recovery![field] = flipFirstByte(envelope.recovery![field])))).toMatchObject({ ok: false, detail: expect.stringContaining('altered') });
      }
      expect(await recoverySlotCheck(() => undefined)).toMatchObject({ ok: true, detail: 'ok (intact)' });
      expect(await recoverySlotCheck((envelope) => delete envelope.recovery!.check)).toMatchObject({ ok: true, detail: expect.stringContaining('made before') });
    });
  });
});
