import { availableParallelism, loadavg } from 'node:os';

/** The 1-minute load average, printed with every figure: a figure taken while other work ran reads differently. */
const load = () => loadavg()[0]!.toFixed(2);

/**
 * Prints one benchmark figure beside its baseline from the same run, on one line: name, value, baseline name, value,
 * ratio (figure ÷ baseline), and the machine's 1-minute load average when the line was printed.
 */
export function report(name: string, value: number, baselineName: string, baseline: number, unit = 'ms'): void {
  const ratio = baseline > 0 ? value / baseline : Number.NaN;
  console.log(
    `${name.padEnd(40)} ${value.toFixed(1).padStart(9)} ${unit.padEnd(5)}  ${baselineName.padEnd(40)} ${baseline.toFixed(1).padStart(9)} ${unit.padEnd(5)}  ratio ${ratio.toFixed(2).padStart(5)}×  load ${load()}`,
  );
}

/** The load averages over 1, 5 and 15 minutes beside the number of cores, for the start and the end of a run. */
export function printLoad(when: string): void {
  const [one, five, fifteen] = loadavg().map((value) => value.toFixed(2));
  console.log(`load average ${when}: ${one} (1 min), ${five} (5 min), ${fifteen} (15 min) on ${availableParallelism()} cores`);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The value at quantile `q` (0.95 = p95) of the measurements. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
}

export function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

export async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}
