import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATTEMPTS_FILE, loadThrottle, throttledAttempt } from '../../electron/cli/attempts-file.ts';
import { delayAfter, MAX_DELAY_MS } from '../../electron/services/unlock-throttle.ts';
import { createVault, unlockVault } from '../../electron/store/vault.ts';
import { FAST_KDF, tempDir } from '../support/temp.ts';

// The CLI's persisted throttle with its clock injected: the growing delay is checked at exact instants, never waited for.
const PASS = 'пароли дуруст 2024';
const T0 = Date.parse('2025-03-01T09:00:00Z');

async function fastVault() {
  const dir = join(tempDir(), 'vault');
  (await createVault(dir, PASS, { actor: 'tester', kdf: FAST_KDF })).vault.close();
  return dir;
}

describe('persisted unlock throttle', () => {
  it('waits 1 s, 2 s, 4 s … after the fifth failure, capped at 5 minutes', () => {
    expect([0, 1, 4].map(delayAfter)).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8].map(delayAfter)).toEqual([1000, 2000, 4000, 8000]);
    expect(delayAfter(13)).toBe(256_000);
    expect([14, 40, 1_000_000].map(delayAfter)).toEqual([MAX_DELAY_MS, MAX_DELAY_MS, MAX_DELAY_MS]);
  });

  it('refuses until the wait is over, counts each wrong passphrase across "calls", and a success clears the file', async () => {
    const dir = await fastVault();
    let now = T0;
    const clock = () => now;
    const tryWith = (passphrase: string) => throttledAttempt(dir, async () => (await unlockVault(dir, passphrase)).close(), clock);

    for (let failure = 1; failure <= 5; failure += 1) await expect(tryWith(`wrong ${failure}`)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(JSON.parse(readFileSync(join(dir, ATTEMPTS_FILE), 'utf8'))).toEqual({ format: 'ombuds-unlock-attempts/1', failures: 5, lastFailureAt: new Date(T0).toISOString() });
    await expect(tryWith(PASS)).rejects.toMatchObject({ code: 'too-many-attempts', retryAfterMs: 1000 });
    now = T0 + 999;
    await expect(tryWith(PASS)).rejects.toMatchObject({ code: 'too-many-attempts', retryAfterMs: 1 });
    now = T0 + 1000;
    await expect(tryWith('wrong 6')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await expect(tryWith(PASS)).rejects.toMatchObject({ code: 'too-many-attempts', retryAfterMs: 2000 });
    expect(loadThrottle(dir, clock).failedAttempts).toBe(6);
    now = T0 + 3000;
    await tryWith(PASS);
    expect(existsSync(join(dir, ATTEMPTS_FILE))).toBe(false);
  });

  it('a refused attempt never runs, and other failures (a damaged envelope) are not counted', async () => {
    const dir = await fastVault();
    writeFileSync(join(dir, ATTEMPTS_FILE), JSON.stringify({ format: 'ombuds-unlock-attempts/1', failures: 7, lastFailureAt: new Date(T0).toISOString() }));
    let ran = false;
    await expect(throttledAttempt(dir, () => (ran = true), () => T0 + 1)).rejects.toMatchObject({ code: 'too-many-attempts', retryAfterMs: 3999 });
    expect(ran).toBe(false);
    writeFileSync(join(dir, 'vault.json'), '{}');
    await expect(throttledAttempt(dir, () => unlockVault(dir, PASS), () => T0 + 4000)).rejects.toMatchObject({ code: 'envelope-damaged' });
    expect(loadThrottle(dir, () => T0).failedAttempts).toBe(7);
  });

  it('an unreadable attempts file counts as no failures (whoever could damage it could delete it)', async () => {
    const dir = await fastVault();
    writeFileSync(join(dir, ATTEMPTS_FILE), 'garbage');
    expect(loadThrottle(dir).failedAttempts).toBe(0);
    await throttledAttempt(dir, async () => (await unlockVault(dir, PASS)).close());
    expect(existsSync(join(dir, ATTEMPTS_FILE))).toBe(false);
  });
});
