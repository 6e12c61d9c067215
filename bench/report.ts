/** Prints one benchmark figure beside its baseline from the same run, with the ratio. */
export function report(name: string, value: number, baselineName: string, baseline: number, unit = 'ms'): void {
  const ratio = baseline > 0 ? value / baseline : Number.NaN;
  console.log(`${name.padEnd(34)} ${value.toFixed(1).padStart(9)} ${unit}   ${baselineName.padEnd(30)} ${baseline.toFixed(1).padStart(9)} ${unit}   ratio ${ratio.toFixed(2)}×`);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
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
