import { utilityProcess } from 'electron';
import { join } from 'node:path';
import { DEFAULT_PARSE_HEAP_MIB, workerEnv } from '../services/isolation/node-parse-host.ts';
import { isolatedParseHost, type ParseHost } from '../services/isolation/parse-host.ts';

/** The parsing worker's bundle sits next to the main bundle in dist/electron (see scripts/build-electron.mjs). */
export const parseWorkerPath = (): string => join(__dirname, 'parse-worker.cjs');

/**
 * Import files are parsed in an Electron utility process (a Node child of the app with no window and no store),
 * one per file, with a V8 heap cap: a file that would exhaust memory ends that process, never the app's main
 * process or the window. The process's output is dropped so a crash report reaches no log.
 */
export function utilityParseHost(): ParseHost {
  return isolatedParseHost(() => {
    const child = utilityProcess.fork(parseWorkerPath(), [], {
      serviceName: 'Ombuds Dossier import reader',
      execArgv: [`--max-old-space-size=${DEFAULT_PARSE_HEAP_MIB}`],
      stdio: 'ignore',
      env: workerEnv(),
    });
    return {
      // Known once the process has started ('spawn'); reported as unknown before.
      get pid() {
        return child.pid;
      },
      // Sent once the process runs; a process that fails to start reports through 'exit'.
      send: (command) => void child.once('spawn', () => child.postMessage(command)),
      onMessage: (listener) => void child.on('message', listener),
      onExit: (listener) => void child.once('exit', (code) => listener(`exit code ${code}`)),
      kill: () => void child.kill(),
    };
  });
}
