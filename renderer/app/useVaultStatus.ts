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
  /** Fetches the status now; resolves to it (or null when main could not answer). */
  const refresh = useCallback(async (): Promise<VaultStatus | null> => {
    const result = await call('vault:status', {});
    if (!result.ok) return null;
    setStatus(result.value);
    return result.value;
  }, []);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
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

/**
 * Ctrl+L (Cmd+L on macOS) locks from anywhere in the shell, including while typing in a field. Matched by the
 * physical key too, because with a Russian or Tajik layout the same key reports `event.key === 'д'`.
 */
export function useLockShortcut(enabled: boolean, lock: () => void) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && (event.code === 'KeyL' || event.key.toLowerCase() === 'l')) {
        event.preventDefault();
        lock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, lock]);
}
