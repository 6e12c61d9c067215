/**
 * What each proof suite prints: its figures, then a closing line `N passed, N failed` alone on a line (the shape
 * CI reads). A check that fails prints one FAIL line saying what broke and how to reproduce it.
 */
export class Tally {
  passed = 0;
  failed = 0;
  private readonly failures: string[] = [];

  readonly suite: string;

  constructor(suite: string) {
    this.suite = suite;
  }

  /** Records one trial: passed when `problem` is null, otherwise failed with that one-line reason. */
  record(problem: string | null, context: string): void {
    if (problem === null) {
      this.passed += 1;
      return;
    }
    this.failed += 1;
    this.failures.push(`${context}: ${problem}`);
    console.log(`  FAIL ${context}: ${problem}`);
  }

  /** Adds checks counted elsewhere (the cases of a property run). */
  bulk(passed: number, failed: number): void {
    this.passed += passed;
    this.failed += failed;
  }

  /** The closing line of the suite. */
  close(): void {
    console.log(`${this.passed} passed, ${this.failed} failed`);
  }
}

/** `label .......... value`, so the figures line up. */
export function figure(label: string, value: string | number): void {
  console.log(`  ${`${label} `.padEnd(58, '.')} ${value}`);
}

export const percent = (part: number, whole: number) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)} %`);

/** Counts occurrences of each key, printed in first-seen order. */
export class Counter<K extends string> {
  private readonly counts = new Map<K, number>();

  add(key: K, by = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + by);
  }

  get(key: K): number {
    return this.counts.get(key) ?? 0;
  }

  entries(): [K, number][] {
    return [...this.counts.entries()];
  }

  print(prefix = ''): void {
    for (const [key, count] of this.counts) figure(`${prefix}${key}`, count);
  }
}
