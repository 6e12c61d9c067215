import { useCallback, useEffect, useState } from 'react';
import type { VaultStatus } from '../../shared/domain/vault.ts';
import { call } from '../bridge.ts';

const POLL_MS = 2000;

/**
 * The vault's state, polled from main (which may lock on its own: idle timer, suspend, screen lock) and
 * refreshed whenever the window regains focus.
 */
export function useVaultStatus() {
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const refresh = useCallback(async () => {
    const result = await call('vault:status', {});
    if (result.ok) setStatus(result.value);
  }, []);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    window.addEventListener('focus', refresh);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', refresh);
    };
  }, [refresh]);
  return { status, refresh };
}

const ACTIVITY_THROTTLE_MS = 15_000;

/** Reports keyboard and pointer activity to main (throttled), which restarts the idle auto-lock timer. */
export function useActivityReporting(enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    let last = 0;
    const report = () => {
      const now = Date.now();
      if (now - last < ACTIVITY_THROTTLE_MS) return;
      last = now;
      void call('session:activity', {});
    };
    window.addEventListener('keydown', report, true);
    window.addEventListener('pointerdown', report, true);
    return () => {
      window.removeEventListener('keydown', report, true);
      window.removeEventListener('pointerdown', report, true);
    };
  }, [enabled]);
}
