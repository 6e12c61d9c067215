import { AppError } from '../errors/app-error.ts';

/** Attempts allowed before waits begin, and the cap on a single wait. */
export const FREE_ATTEMPTS = 5;
export const MAX_DELAY_MS = 5 * 60_000;

/** What a throttle remembers: failures since the last success and when the last one happened (ms since epoch). */
export interface ThrottleState {
  failures: number;
  lastFailureAt: number;
}

/** The wait after `failures` consecutive failures: none for the first four, then 1 s, 2 s, 4 s, … up to 5 minutes. */
export function delayAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.min(failures - FREE_ATTEMPTS, 20));
}

/** A wrong passphrase or recovery key: what the throttle counts (a damaged file or a busy store is not a guess). */
export const isWrongSecret = (error: unknown) =>
  error instanceof AppError && (error.code === 'wrong-passphrase' || error.code === 'wrong-recovery-key');

/**
 * Growing delay after repeated wrong passphrases or recovery keys: after the fifth failure each attempt must
 * wait 1 s, 2 s, 4 s, … up to 5 minutes. The window keeps it in memory; the CLI, a new process per call, keeps
 * its state in a small file (cli/attempts-file.ts). The vault files are never modified by a failed attempt; the
 * Argon2id cost already limits guessing per process. The clock is injected, so tests never wait.
 */
export class UnlockThrottle {
  private failures: number;
  private lastFailureAt: number;
  private readonly now: () => number;

  constructor(now: () => number = Date.now, state: ThrottleState = { failures: 0, lastFailureAt: 0 }) {
    this.now = now;
    this.failures = state.failures;
    this.lastFailureAt = state.lastFailureAt;
  }

  get failedAttempts(): number {
    return this.failures;
  }

  get state(): ThrottleState {
    return { failures: this.failures, lastFailureAt: this.lastFailureAt };
  }

  /**
   * Never more than the longest single wait: a last failure dated in the future (a clock set back, or an edited
   * attempts file) cannot lock anyone out for longer than 5 minutes.
   */
  retryAfterMs(): number {
    return Math.min(MAX_DELAY_MS, Math.max(0, this.lastFailureAt + delayAfter(this.failures) - this.now()));
  }

  /** Throws `too-many-attempts` while a wait is running. */
  assertMayTry(): void {
    const wait = this.retryAfterMs();
    if (wait > 0) throw new AppError('too-many-attempts', { retryAfterMs: wait, detail: `try again in ${Math.ceil(wait / 1000)} s` });
  }

  recordFailure(): void {
    this.failures += 1;
    this.lastFailureAt = this.now();
  }

  recordSuccess(): void {
    this.failures = 0;
    this.lastFailureAt = 0;
  }
}
