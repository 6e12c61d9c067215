import { useCallback, useState } from 'react';
import type { AppErrorValue, Result } from '../../shared/ipc/result.ts';

/** Runs one bridge call at a time, tracking busy state and the last error value. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const run = useCallback(async <T,>(action: () => Promise<Result<T>>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      const result = await action();
      if (result.ok) return result.value;
      setError(result.error);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
