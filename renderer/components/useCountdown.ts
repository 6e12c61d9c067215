import { useEffect, useState } from 'react';

const TICK_MS = 250;

/**
 * Whole seconds left until `until` (a Date.now() instant), re-rendering while it runs; 0 when there is no
 * deadline or it has passed. Ticks faster than once a second so the shown number never lags by a whole second.
 */
export function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, TICK_MS);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}
