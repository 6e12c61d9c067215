import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../shared/ipc/contract.ts';
import type { AppErrorValue } from '../../../shared/ipc/result.ts';
import { call } from '../../bridge.ts';
import { today } from '../../local-date.ts';

export type BuildJob = ChannelOutput<'dossiers:buildStatus'>;
export type DossierBuild = NonNullable<BuildJob['result']>;

/** How long the window waits between two looks at a running build (it only paces the polling). */
const POLL_MS = 150;

/**
 * A build as a job main runs: started for the saved dossier, polled for its progress (incidents done of total), and
 * cancellable (main then writes nothing). The last finished build is kept with the JSON of the composition it was
 * made from, so the screen can tell when it no longer shows what is saved.
 */
export function useDossierBuild() {
  const [job, setJob] = useState<BuildJob | null>(null);
  /** The last finished build, the composition JSON it was made from, and the day it was made (a draft print says it). */
  const [built, setBuilt] = useState<{ build: DossierBuild; of: string; asOf: string } | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const running = useRef<string | null>(null);
  /** The latest build asked for: an older one still finishing is not shown over it. */
  const latest = useRef(0);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      // Leaving the screen mid-build cancels it: nothing is left running for a window that is gone.
      if (running.current) void call('dossiers:buildCancel', { jobId: running.current });
    };
  }, []);

  const start = useCallback(async (dossierId: string, of: string): Promise<DossierBuild | null> => {
    setError(null);
    const generation = ++latest.current;
    const started = await call('dossiers:buildStart', { id: dossierId });
    if (generation !== latest.current) return null;
    if (!started.ok) return setError(started.error), null;
    running.current = started.value.jobId;
    // The bar shows from the start, before main reports the first incident.
    setJob({ state: 'running', done: 0, total: 0, result: null, error: null });
    for (;;) {
      const status = await call('dossiers:buildStatus', { jobId: started.value.jobId });
      if (!alive.current || generation !== latest.current) return null;
      if (!status.ok) {
        running.current = null;
        setJob(null);
        return setError(status.error), null;
      }
      setJob(status.value);
      if (status.value.state !== 'running') {
        running.current = null;
        if (status.value.error) setError(status.value.error);
        if (status.value.state === 'done' && status.value.result) {
          setBuilt({ build: status.value.result, of, asOf: today() });
          return status.value.result;
        }
        return null;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }, []);

  const cancel = useCallback(() => {
    if (running.current) void call('dossiers:buildCancel', { jobId: running.current });
  }, []);

  const forget = useCallback(() => {
    setBuilt(null);
    setJob(null);
  }, []);

  return { job, built, error, running: job?.state === 'running', start, cancel, forget };
}
