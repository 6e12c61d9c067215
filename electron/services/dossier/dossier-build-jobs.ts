import { randomUUID } from 'node:crypto';
import type { AppErrorValue } from '../../../shared/ipc/result.ts';
import { withChartPictures } from '../../documents/charts.ts';
import { AppError, toAppError } from '../../errors/app-error.ts';
import type { DossierBuild, DossierService } from './dossier-service.ts';

export interface BuildJobState {
  state: 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number;
  result: DossierBuild | null;
  error: AppErrorValue | null;
}

interface Job {
  state: BuildJobState;
  controller: AbortController;
}

/** Finished builds kept for the window to collect; older ones are dropped (each holds a whole Doc in memory). */
const KEPT_JOBS = 4;

/**
 * Builds started from the window run as jobs, as imports do: the window polls their progress (incidents gathered of
 * the total) and may cancel; a cancelled build has written nothing. Results live in memory only and are dropped on
 * lock (`clear`). `onStep` is for tests: called at each step, it may cancel the job at a known incident.
 */
export class DossierBuildJobs {
  private readonly dossiers: DossierService;
  private readonly today: () => string;
  private readonly onStep: ((jobId: string, done: number, total: number) => void) | undefined;
  private readonly jobs = new Map<string, Job>();

  constructor(dossiers: DossierService, today: () => string, options: { onStep?: (jobId: string, done: number, total: number) => void } = {}) {
    this.dossiers = dossiers;
    this.today = today;
    this.onStep = options.onStep;
  }

  start(dossierId: string): { jobId: string } {
    this.dossiers.get(dossierId); // an unknown dossier (or a locked vault) is refused now, not as a failed job
    const jobId = randomUUID();
    const job: Job = { controller: new AbortController(), state: { state: 'running', done: 0, total: 0, result: null, error: null } };
    this.jobs.set(jobId, job);
    this.forgetOld();
    const finish = (patch: Partial<BuildJobState>) => (job.state = { ...job.state, ...patch });
    // Started on the next turn, so the window has the job's id before its first step.
    void new Promise<void>((resolve) => setImmediate(resolve))
      .then(() =>
        this.dossiers.build(dossierId, this.today(), {
          signal: job.controller.signal,
          onProgress: (done, total) => {
            job.state = { ...job.state, done, total };
            this.onStep?.(jobId, done, total);
          },
        }),
      )
      // The window's preview draws each chart from its SVG (the renderer cannot run the chart library).
      .then(async (built) => ({ ...built, doc: await withChartPictures(built.doc) }))
      .then(
        (result) => finish({ state: job.controller.signal.aborted ? 'cancelled' : 'done', result: job.controller.signal.aborted ? null : result }),
        (error: unknown) => {
          const appError = toAppError(error);
          finish(appError.code === 'cancelled' ? { state: 'cancelled' } : { state: 'failed', error: appError.toValue() });
        },
      );
    return { jobId };
  }

  status(jobId: string): BuildJobState {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('not-found', { detail: 'dossier build' });
    return job.state;
  }

  cancel(jobId: string): BuildJobState {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('not-found', { detail: 'dossier build' });
    if (job.state.state === 'running') job.controller.abort();
    return job.state;
  }

  /** On lock: every running build is cancelled and every result forgotten. */
  clear(): void {
    for (const job of this.jobs.values()) job.controller.abort();
    this.jobs.clear();
  }

  private forgetOld(): void {
    const finished = [...this.jobs.entries()].filter(([, job]) => job.state.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEPT_JOBS))) this.jobs.delete(id);
  }
}
