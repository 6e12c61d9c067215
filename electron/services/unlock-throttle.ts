import { AppError } from '../errors/app-error.ts';

/** Attempts allowed before waits begin, and the cap on a single wait. */
export const FREE_ATTEMPTS = 5;
const MAX_DELAY_MS = 5 * 60_000;

/**
 * Growing delay after repeated wrong passphrases or recovery keys: after the fifth failure each attempt must
 * wait 1 s, 2 s, 4 s, … up to 5 minutes. Kept in memory only — the vault files are never modified by a failed
 * attempt; the Argon2id cost already limits guessing per process.
 */
export class UnlockThrottle {
  private failures = 0;
  private notBefore = 0;
  private readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  get failedAttempts(): number {
    return this.failures;
  }

  retryAfterMs(): number {
    return Math.max(0, this.notBefore - this.now());
  }

  /** Throws `too-many-attempts` while a wait is running. */
  assertMayTry(): void {
    const wait = this.retryAfterMs();
    if (wait > 0) throw new AppError('too-many-attempts', { retryAfterMs: wait });
  }

  recordFailure(): void {
    this.failures += 1;
    if (this.failures >= FREE_ATTEMPTS) {
      this.notBefore = this.now() + Math.min(MAX_DELAY_MS, 1000 * 2 ** (this.failures - FREE_ATTEMPTS));
    }
  }

  recordSuccess(): void {
    this.failures = 0;
    this.notBefore = 0;
  }
}
