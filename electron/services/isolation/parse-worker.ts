// The isolated parsing process: reads one import file, decodes and parses it, and answers with the values.
// Started by node-parse-host.ts (child_process.fork, for the CLI and tests) or by the Electron app's utility
// process host (electron/main/utility-parse-host.ts), always with a heap cap, so a file that needs more memory
// than that ends this process only. It touches no store and holds no key; it writes nothing anywhere.
import { toAppError } from '../../errors/app-error.ts';
import { parseImportFile } from '../interchange/parse-import-file.ts';
import type { ParseCommand, ParseReply } from './parse-protocol.ts';

/** Electron's utility process talks through `process.parentPort`; a forked Node process through `process.send`. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}
const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

function reply(message: ParseReply): void {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
}

let started = false;
async function handle(message: unknown): Promise<void> {
  const command = message as ParseCommand;
  if (started || command?.type !== 'parse') return;
  started = true;
  try {
    let reported = 0;
    const file = await parseImportFile(command.request, (rows) => {
      if (rows === reported) return;
      reported = rows;
      reply({ type: 'progress', rows });
    });
    reply({ type: 'parsed', file });
  } catch (error) {
    // Only the code and the data-free detail cross; messages and causes may quote the file.
    reply({ type: 'failed', error: toAppError(error).toValue() });
  }
  // The host ends this process once it has the answer.
}

if (parentPort) parentPort.on('message', (event) => void handle(event.data));
else process.on('message', (message) => void handle(message));
