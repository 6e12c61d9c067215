import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isolatedParseHost, type ParseHost } from './parse-host.ts';

/**
 * The parsing process's V8 heap cap. A 100,000-row register or interchange file parses in a few hundred MiB;
 * this leaves room for the 512 MiB file limit's worst cases and still stops a hostile file long before it could
 * exhaust the machine.
 */
export const DEFAULT_PARSE_HEAP_MIB = 2048;

/** The environment without the app's own variables (a CLI's passphrase may be one): the worker needs none. */
export const workerEnv = (): Record<string, string> =>
  Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => !entry[0].startsWith('OMBUDS_') && entry[1] !== undefined));

const WORKER = fileURLToPath(new URL('./parse-worker.ts', import.meta.url));

/**
 * Parses in a forked Node process (the CLI, the tests, the end-to-end harness). The worker's output is ignored
 * (stdio 'ignore'): a crash report must not reach a terminal or a log, and the worker has nothing else to say.
 */
export function forkParseHost(options: { maxHeapMiB?: number; /** the worker script, e.g. the built bundle */ workerPath?: string } = {}): ParseHost {
  const heap = options.maxHeapMiB ?? DEFAULT_PARSE_HEAP_MIB;
  return isolatedParseHost(() => {
    const child = fork(options.workerPath ?? WORKER, [], { execArgv: [`--max-old-space-size=${heap}`], serialization: 'advanced', env: workerEnv(), stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    // A send to a process that already died reports here; its end is reported by 'exit'.
    child.on('error', () => undefined);
    return {
      pid: child.pid,
      send: (command) => void child.send(command, () => undefined),
      onMessage: (listener) => void child.on('message', listener),
      onExit: (listener) => void child.once('exit', (code, signal) => listener(signal ? `signal ${signal}` : `exit code ${code}`)),
      kill: () => void child.kill('SIGKILL'),
    };
  });
}
