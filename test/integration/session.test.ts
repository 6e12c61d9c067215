import { execFileSync } from 'node:child_process';
import { scriptedDialogs } from '../support/scripted-dialogs.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../electron/app.ts';
import { VaultSession } from '../../electron/services/vault-session.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';
import { passphraseBytes } from '../support/passphrase.ts';

const PASS = 'correct horse battery';

function clock(start = Date.parse('2026-11-28T09:00:00Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

async function createdSession(time = clock()) {
  const dataDir = tempDir();
  const session = new VaultSession({ dataDir, actor: 'tester', now: time.now, kdf: FAST_KDF });
  const { recoveryKey } = await session.create(passphraseBytes(PASS));
  return { session, dataDir, recoveryKey, time };
}

describe('vault session', () => {
  it('goes uninitialized → unlocked with a pending recovery key → confirmed → locked → unlocked', async () => {
    const dataDir = tempDir();
    const session = new VaultSession({ dataDir, actor: 'tester', kdf: FAST_KDF });
    expect(session.status().state).toBe('uninitialized');
    await expect(session.create(passphraseBytes('short'))).rejects.toMatchObject({ code: 'weak-passphrase' });
    await expect(session.create(passphraseBytes('aaaaaaaaaaaa'))).rejects.toMatchObject({ code: 'weak-passphrase' });
    await session.create(passphraseBytes(PASS));
    expect(session.status()).toMatchObject({ state: 'unlocked', recoveryKeyPending: true });
    session.confirmRecoverySaved();
    expect(session.status().recoveryKeyPending).toBe(false);
    session.lock('user');
    expect(session.status()).toMatchObject({ state: 'locked', lastLockReason: 'user' });
    expect(() => session.getSettings()).toThrow(expect.objectContaining({ code: 'vault-locked' }));
    await session.unlock(passphraseBytes(PASS));
    expect(session.status()).toMatchObject({ state: 'unlocked', lastLockReason: null });
  });

  it('makes the user wait longer and longer after five wrong passphrases, without touching the files', async () => {
    const { session, dataDir, time } = await createdSession();
    session.lock('user');
    const files = ['vault.json', 'store.db'].map((name) => readFileSync(join(dataDir, name)));
    for (let i = 0; i < 5; i += 1) await expect(session.unlock(passphraseBytes(`wrong ${i} passphrase`))).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(session.status()).toMatchObject({ failedAttempts: 5, retryAfterMs: 1000 });
    // Even the right passphrase waits: the delay is checked before any key derivation.
    await expect(session.unlock(passphraseBytes(PASS))).rejects.toMatchObject({ code: 'too-many-attempts', retryAfterMs: 1000 });
    time.advance(1000);
    await expect(session.unlock(passphraseBytes('wrong again!!'))).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(session.status().retryAfterMs).toBe(2000);
    time.advance(2000);
    await expect(session.unlock(passphraseBytes('wrong again!!'))).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(session.status().retryAfterMs).toBe(4000);
    ['vault.json', 'store.db'].forEach((name, i) => expect(readFileSync(join(dataDir, name)).equals(files[i]!)).toBe(true));
    time.advance(4000);
    await session.unlock(passphraseBytes(PASS));
    expect(session.status()).toMatchObject({ state: 'unlocked', failedAttempts: 0, retryAfterMs: 0 });
  });

  it('auto-locks after the idle period in wall-clock time, and activity postpones it', async () => {
    const { session, time } = await createdSession();
    session.updateSettings({ autoLockMinutes: 5 });
    time.advance(4 * 60_000);
    expect(session.checkIdle()).toBe(false);
    session.touch();
    time.advance(4 * 60_000);
    expect(session.checkIdle()).toBe(false);
    // A laptop asleep for an hour: the wall clock jumps, and the next check locks at once.
    time.advance(60 * 60_000);
    expect(session.checkIdle()).toBe(true);
    expect(session.status()).toMatchObject({ state: 'locked', lastLockReason: 'idle' });
  });

  it('writes a recovery sheet PDF whose text holds the key, in Tajik', async () => {
    const { session, recoveryKey } = await createdSession();
    const path = join(tempDir(), 'sheet.pdf');
    await session.saveRecoverySheet('tg', path);
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain(recoveryKey.split('-').slice(0, 4).join('-'));
    expect(text).toContain(recoveryKey.split('-').slice(4).join('-'));
    expect(text).toContain('варақаи барқарорсозӣ');
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' });
    expect(fonts).toMatch(/PTSerif/);
    expect(fonts.split('\n').slice(2).filter(Boolean).every((line) => / yes yes /.test(line))).toBe(true);
    session.confirmRecoverySaved();
    await expect(session.recoverySheet('ru')).rejects.toMatchObject({ code: 'invalid-input' });
  });
});


describe('router over the app services', () => {
  it('validates input, returns errors as values with stable codes, and never leaks values', async () => {
    const dialogs = scriptedDialogs();
    const app = createApp({ dataDir: tempDir(), dialogs, actor: 'tester', kdf: FAST_KDF });
    const { router } = app;
    expect(await router.handle('vault:status', {})).toMatchObject({ ok: true, value: { state: 'uninitialized' } });
    expect(await router.handle('nope:never', {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const bad = await router.handle('vault:create', { passphrase: passphraseBytes('SECRET-SHORT'), extra: 1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(JSON.stringify(bad)).not.toContain('SECRET');
    expect(await router.handle('settings:get', {})).toMatchObject({ ok: false, error: { code: 'vault-not-found' } });
    const created = await router.handle('vault:create', { passphrase: passphraseBytes(PASS) });
    expect(created).toMatchObject({ ok: true });

    dialogs.next.push(null);
    expect(await router.handle('vault:saveRecoverySheet', { language: 'ru' })).toEqual({ ok: true, value: { saved: false, fileName: null } });
    const sheet = join(tempDir(), 'sheet.pdf');
    dialogs.next.push(sheet);
    expect(await router.handle('vault:saveRecoverySheet', { language: 'en' })).toEqual({ ok: true, value: { saved: true, fileName: 'sheet.pdf' } });
    expect(await router.handle('settings:update', { autoLockMinutes: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-input', detail: 'autoLockMinutes' } });
    expect(await router.handle('settings:update', { autoLockMinutes: 3 })).toEqual({ ok: true, value: { autoLockMinutes: 3, evidenceMaxMiB: 2048 } });
    expect(await router.handle('vault:verify', {})).toMatchObject({ ok: true, value: { ok: true } });

    const backup = join(tempDir(), 'b.ombudsbackup');
    dialogs.next.push(backup);
    expect(await router.handle('vault:backup', {})).toEqual({ ok: true, value: { saved: true, fileName: 'b.ombudsbackup' } });
    const notBackup = join(tempDir(), 'x.ombudsbackup');
    writeFileSync(notBackup, 'hello');
    dialogs.next.push(notBackup);
    expect(await router.handle('vault:restore', { passphrase: passphraseBytes(PASS) })).toMatchObject({ ok: false, error: { code: 'backup-invalid' } });
    dialogs.next.push(backup);
    expect(await router.handle('vault:restore', { passphrase: passphraseBytes('not the backup passphrase') })).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    // A refused file or passphrase leaves the user in the open vault.
    expect((await router.handle('vault:status', {})) as { value: { state: string } }).toMatchObject({ value: { state: 'unlocked' } });
    dialogs.next.push(backup);
    expect(await router.handle('vault:restore', { passphrase: passphraseBytes(PASS) })).toEqual({ ok: true, value: { restored: true } });
    expect(await router.handle('settings:get', {})).toEqual({ ok: true, value: { autoLockMinutes: 3, evidenceMaxMiB: 2048 } });

    app.lock('suspend');
    expect(await router.handle('vault:status', {})).toMatchObject({ value: { state: 'locked', lastLockReason: 'suspend' } });
    expect(await router.handle('vault:unlock', { passphrase: passphraseBytes('nope nope nope') })).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    expect(await router.handle('vault:unlock', { passphrase: passphraseBytes(PASS) })).toEqual({ ok: true, value: {} });
    app.dispose();
    expect(await router.handle('vault:status', {})).toMatchObject({ value: { state: 'locked' } });
  });

  it('takes passphrases only as bytes, and zeroes the bytes it was given however the call ends', async () => {
    const app = createApp({ dataDir: tempDir(), dialogs: scriptedDialogs(), actor: 'tester', kdf: FAST_KDF });
    const { router } = app;
    const zeroed = (bytes: Uint8Array) => bytes.every((byte) => byte === 0);
    // One way in: the text of a passphrase is refused, as the window never sends it.
    expect(await router.handle('vault:create', { passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'invalid-input', detail: 'passphrase' } });
    const refused = passphraseBytes(PASS);
    expect(await router.handle('vault:create', { passphrase: refused, extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const weak = passphraseBytes('aaaaaaaaaaaa');
    expect(await router.handle('vault:create', { passphrase: weak })).toMatchObject({ ok: false, error: { code: 'weak-passphrase', detail: 'too-simple' } });
    const created = passphraseBytes(PASS);
    const made = await router.handle('vault:create', { passphrase: created });
    expect(made).toMatchObject({ ok: true });
    const { recoveryKey } = (made as { value: { recoveryKey: string } }).value;
    app.lock('user');
    const wrong = passphraseBytes('not the passphrase');
    expect(await router.handle('vault:unlock', { passphrase: wrong })).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    const right = passphraseBytes(PASS);
    expect(await router.handle('vault:unlock', { passphrase: right })).toEqual({ ok: true, value: {} });
    const [current, next] = [passphraseBytes(PASS), passphraseBytes('горная тропа вдоль Пянджа')];
    expect(await router.handle('vault:changePassphrase', { current, next })).toEqual({ ok: true, value: {} });
    const cancelled = passphraseBytes('горная тропа вдоль Пянджа');
    expect(await router.handle('vault:restore', { passphrase: cancelled })).toEqual({ ok: true, value: { restored: false } }); // no file chosen
    app.lock('user');
    const recovered = passphraseBytes('ещё одна тропа через перевал');
    expect(await router.handle('vault:recover', { recoveryKey, newPassphrase: recovered })).toEqual({ ok: true, value: {} });
    for (const bytes of [refused, weak, created, wrong, right, current, next, cancelled, recovered]) expect(zeroed(bytes)).toBe(true);
    app.lock('user');
    expect(await router.handle('vault:unlock', { passphrase: passphraseBytes('ещё одна тропа через перевал') })).toEqual({ ok: true, value: {} });
    app.dispose();
  });
});
