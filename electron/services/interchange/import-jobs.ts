import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { ImportJob, ImportMode, ImportReport, ColumnMapping, TableKind, TextEncodingChoice } from '../../../shared/domain/table-import.ts';
import type { AppErrorValue } from '../../../shared/ipc/result.ts';
import { AppError, toAppError } from '../../errors/app-error.ts';
import type { Db } from '../../store/open.ts';
import { importFile, importFormatOf, type ImportFormat } from './import-file.ts';
import type { ParseHost } from '../isolation/parse-host.ts';
import type { AfterBatch } from './batched-import.ts';

type JobState = ImportJob & { error: AppErrorValue | null };

interface Job {
  state: JobState;
  controller: AbortController;
}

/**
 * Imports started from the window run as jobs: the window polls their progress and may cancel. A chosen file is
 * known by a token, so the window never names a path. One job at a time; while it runs, other writes are refused
 * (`busy`), because they would join the import's transaction.
 */
export class ImportJobs {
  private readonly store: () => Db;
  private readonly actor: string;
  private readonly files = new Map<string, string>();
  private readonly jobs = new Map<string, Job>();
  private running: string | null = null;
  private readonly parser: ParseHost | undefined;
  private readonly afterBatch: AfterBatch | undefined;

  /**
   * `parser`: where files are parsed (the Electron app's utility process); by default a forked Node process.
   * `afterBatch`: tests only, awaited after each written batch (see ImportProgress.afterBatch).
   */
  constructor(store: () => Db, actor: string, options: { parser?: ParseHost; afterBatch?: AfterBatch } = {}) {
    this.store = store;
    this.actor = actor;
    this.parser = options.parser;
    this.afterBatch = options.afterBatch;
  }

  get busy(): boolean {
    return this.running !== null;
  }

  /** Remembers a path the user chose in the open dialog. */
  chosen(path: string): { token: string; fileName: string; format: ImportFormat } {
    const format = importFormatOf(path);
    const token = randomUUID();
    this.files.set(token, path);
    return { token, fileName: basename(path), format };
  }

  start(request: { token: string; encoding: TextEncodingChoice; mapping: ColumnMapping | null; kind: TableKind; mode: ImportMode; allowEmpty: boolean }): { jobId: string } {
    const path = this.files.get(request.token);
    if (!path) throw new AppError('not-found', { detail: 'file token' });
    if (this.running) throw new AppError('store-in-use', { detail: 'an import is running' });
    const db = this.store();
    const id = randomUUID();
    const job: Job = { controller: new AbortController(), state: { state: 'running', phase: 'reading', done: 0, total: 0, report: null, error: null } };
    this.jobs.set(id, job);
    this.running = id;
    const finish = (patch: Partial<JobState>) => {
      job.state = { ...job.state, ...patch };
      if (this.running === id) this.running = null;
    };
    void importFile(db, { path, encoding: request.encoding, mapping: request.mapping, kind: request.kind, mode: request.mode, allowEmpty: request.allowEmpty }, this.actor, {
      signal: job.controller.signal,
      parser: this.parser,
      afterBatch: this.afterBatch,
      onProgress: (phase, done, total) => (job.state = { ...job.state, phase, done, total }),
    }).then(
      (report: ImportReport) => finish({ state: 'done', report }),
      (error: unknown) => {
        const appError = toAppError(error);
        finish(appError.code === 'cancelled' ? { state: 'cancelled' } : { state: 'failed', error: appError.toValue() });
      },
    );
    return { jobId: id };
  }

  status(jobId: string): JobState {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('not-found', { detail: 'import job' });
    return job.state;
  }

  cancel(jobId: string): JobState {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('not-found', { detail: 'import job' });
    job.controller.abort();
    return job.state;
  }

  /**
   * On lock: forget chosen files and jobs; a running one stops — its parsing process is killed, or its
   * transaction closes with the connection.
   */
  clear(): void {
    for (const job of this.jobs.values()) job.controller.abort();
    this.files.clear();
    this.jobs.clear();
    this.running = null;
  }
}
