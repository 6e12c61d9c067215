import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { isWrongSecret, UnlockThrottle } from '../services/unlock-throttle.ts';
import { writeFileAtomic } from '../store/atomic-write.ts';

/**
 * The CLI's unlock throttle, kept between calls. Each CLI call is a new process, so the window's in-memory
 * throttle would forget every failure; this small file in the data folder remembers the count and the time of
 * the last failure. It holds no secret and no case data, is 0600, is replaced atomically, and is removed by the
 * next success. vault.json and store.db are never touched by a failed attempt.
 *
 * It slows guessing through the CLI; it is no barrier to someone who can write the data folder (they could delete
 * it, or copy vault.json and guess offline at Argon2id's cost). Calls running at the same moment may each count
 * one failure from the same starting count; the KDF cost still bounds them.
 */
export const ATTEMPTS_FILE = 'unlock-attempts.json';

const attemptsSchema = z
  .object({
    format: z.literal('ombuds-unlock-attempts/1'),
    failures: z.number().int().min(0).max(1_000_000),
    lastFailureAt: z.iso.datetime(),
  })
  .strict();

const attemptsPath = (dataDir: string) => join(dataDir, ATTEMPTS_FILE);

/**
 * The throttle as the last call left it. A file that cannot be parsed counts as no failures: whoever could
 * damage it could as well delete it, so trusting it further gains nothing.
 */
export function loadThrottle(dataDir: string, now: () => number = Date.now): UnlockThrottle {
  try {
    const saved = attemptsSchema.parse(JSON.parse(readFileSync(attemptsPath(dataDir), 'utf8')));
    return new UnlockThrottle(now, { failures: saved.failures, lastFailureAt: Date.parse(saved.lastFailureAt) });
  } catch {
    return new UnlockThrottle(now);
  }
}

function saveThrottle(dataDir: string, throttle: UnlockThrottle): void {
  // A restore into a folder that does not exist yet has no vault to protect there: nothing to record.
  if (!existsSync(dataDir)) return;
  const { failures, lastFailureAt } = throttle.state;
  const saved = { format: 'ombuds-unlock-attempts/1', failures, lastFailureAt: new Date(lastFailureAt).toISOString() };
  writeFileAtomic(attemptsPath(dataDir), `${JSON.stringify(saved)}\n`);
}

/**
 * Runs one attempt with a secret under the persisted throttle: refused with `too-many-attempts` while a wait
 * runs (before the secret is even asked for), a wrong passphrase or recovery key counted, a success resets it.
 */
export async function throttledAttempt<T>(dataDir: string, attempt: () => Promise<T> | T, now: () => number = Date.now): Promise<T> {
  const throttle = loadThrottle(dataDir, now);
  throttle.assertMayTry();
  let result: T;
  try {
    result = await attempt();
  } catch (error) {
    if (isWrongSecret(error)) {
      throttle.recordFailure();
      saveThrottle(dataDir, throttle);
    }
    throw error;
  }
  rmSync(attemptsPath(dataDir), { force: true });
  return result;
}
