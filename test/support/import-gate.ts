import type { AfterBatch } from '../../electron/services/interchange/batched-import.ts';

/** An import held after a written batch (its transaction open) until the test releases it. */
export interface HeldBatch {
  done: number;
  total: number;
  release(): void;
}

/**
 * Holds an import job mid-write, so a test cancels or locks at a known step whatever the machine's speed (never
 * by racing a slow import). Give `afterBatch` to createApp as `afterImportBatch`; `holdNext()` arms the gate and
 * resolves once the import has written its next batch and waits. Unarmed, batches pass straight through.
 */
export function importGate(): { afterBatch: AfterBatch; holdNext(): Promise<HeldBatch> } {
  let armed: ((held: HeldBatch) => void) | null = null;
  return {
    afterBatch: (done, total) => {
      const notify = armed;
      if (!notify) return Promise.resolve();
      armed = null;
      return new Promise<void>((release) => notify({ done, total, release: () => release() }));
    },
    holdNext: () => new Promise<HeldBatch>((resolve) => (armed = resolve)),
  };
}
