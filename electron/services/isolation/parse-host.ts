import { appErrorSchema } from '../../../shared/ipc/result.ts';
import { AppError } from '../../errors/app-error.ts';
import type { ParsedFile, ParseRequest } from '../interchange/parse-import-file.ts';
import { isParseReply, type ParseCommand } from './parse-protocol.ts';

export interface ParseObserver {
  /** Aborting ends the parsing process at once; the parse then fails with `cancelled`. */
  signal?: AbortSignal;
  onProgress?(rows: number): void;
  /** The parsing process's id once started (tests check that a cancelled parse leaves no process behind). */
  onStarted?(pid: number | undefined): void;
}

/**
 * Where import files are read and parsed (a port: the CLI and tests fork a Node process, the Electron app starts
 * a utility process). A file that needs more memory than the parsing process may use, or a reader bug that
 * crashes, ends that process only: the parse fails with `import-crashed` and main, holding the store, goes on.
 */
export interface ParseHost {
  parse(request: ParseRequest, observer?: ParseObserver): Promise<ParsedFile>;
}

/** One parsing process as the host drives it, whichever API started it. */
export interface WorkerProcess {
  readonly pid: number | undefined;
  send(command: ParseCommand): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the process has ended, with how it ended (an exit code or a signal, never file content). */
  onExit(listener: (how: string) => void): void;
  kill(): void;
}

/** Each parse gets a fresh process, so nothing of one file stays in memory for the next. */
export type SpawnWorker = () => WorkerProcess;

type Outcome = { ok: true; file: ParsedFile } | { ok: false; error: AppError };

function failure(value: unknown): AppError {
  const parsed = appErrorSchema.safeParse(value);
  if (!parsed.success) return new AppError('internal', { detail: 'the import reader sent an unreadable answer' });
  return new AppError(parsed.data.code, { detail: parsed.data.detail, retryAfterMs: parsed.data.retryAfterMs });
}

/**
 * Runs one parse in its own process. The outcome is decided by the first of: the process's answer, a cancel, the
 * process ending without an answer (a crash, e.g. out of memory). Whatever decides it, the process is killed and
 * the promise settles only once it has ended — so a cancelled or failed parse never leaves a process behind and
 * nothing it sends afterwards is believed.
 */
export function runInWorker(spawn: SpawnWorker, request: ParseRequest, observer: ParseObserver = {}): Promise<ParsedFile> {
  if (observer.signal?.aborted) return Promise.reject(new AppError('cancelled'));
  return new Promise((resolve, reject) => {
    const worker = spawn();
    observer.onStarted?.(worker.pid);
    let outcome: Outcome | null = null;
    const decide = (decided: Outcome) => {
      if (outcome) return;
      outcome = decided;
      worker.kill();
    };
    const onAbort = () => decide({ ok: false, error: new AppError('cancelled') });
    observer.signal?.addEventListener('abort', onAbort, { once: true });
    worker.onMessage((message) => {
      if (outcome) return;
      if (!isParseReply(message)) return decide({ ok: false, error: new AppError('internal', { detail: 'the import reader sent an unreadable answer' }) });
      switch (message.type) {
        case 'progress':
          return observer.onProgress?.(message.rows);
        case 'parsed':
          return decide({ ok: true, file: message.file });
        case 'failed':
          return decide({ ok: false, error: failure(message.error) });
      }
    });
    worker.onExit((how) => {
      observer.signal?.removeEventListener('abort', onAbort);
      const final: Outcome = outcome ?? { ok: false, error: new AppError('import-crashed', { detail: `the import reader stopped (${how})` }) };
      if (final.ok) resolve(final.file);
      else reject(final.error);
    });
    worker.send({ type: 'parse', request });
  });
}

/** A ParseHost over any way of starting a process. */
export function isolatedParseHost(spawn: SpawnWorker): ParseHost {
  return { parse: (request, observer) => runInWorker(spawn, request, observer) };
}
