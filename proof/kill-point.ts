// Loaded with `node --import` into a CLI process the kill -9 suite starts (proof/kill.ts). It makes every store
// statement and every synchronous file-system call a numbered step, reports each on fd PROOF_TRACE_FD ('s' for
// SQL, 'w' for a call that changes a file, 'f' for one that opens, reads or closes), and SIGKILLs the process just before step PROOF_KILL_AT — a kill -9 at a point drawn
// by the suite's seeded generator, the same on every run with that seed, with no timing involved. The CLI's own
// code is untouched; only calls into better-sqlite3 and node:fs are counted.
import fs from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';

const killAt = Number(process.env.PROOF_KILL_AT ?? '0');
const traceFd = process.env.PROOF_TRACE_FD ? Number(process.env.PROOF_TRACE_FD) : null;
// Processes this one starts (the import's parsing process) must not count or kill.
delete process.env.PROOF_KILL_AT;
delete process.env.PROOF_TRACE_FD;

const writeTrace = fs.writeSync;
let steps = 0;

function step(kind: Kind): void {
  steps += 1;
  if (steps === killAt) process.kill(process.pid, 'SIGKILL');
  if (traceFd !== null) writeTrace(traceFd, kind);
}

type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;
type Kind = 's' | 'w' | 'f';

/**
 * Files the module loader reads (the CLI's .ts sources, libraries) are not steps: they come before the command
 * does anything, and a kill among them proves nothing about the vault.
 */
const moduleFiles = new Set<number>();
const isModuleFile = (path: unknown) => /^file:|\.(?:[cm]?[jt]s|node)$/.test(String(path));

function count(target: Record<string, unknown>, names: readonly string[], kind: Kind): void {
  for (const name of names) {
    const original = target[name] as AnyFunction | undefined;
    if (typeof original !== 'function') continue;
    target[name] = function counted(this: unknown, ...args: unknown[]) {
      if (name === 'openSync' && isModuleFile(args[0])) {
        const fd = original.apply(this, args) as number;
        moduleFiles.add(fd);
        return fd;
      }
      if ((name === 'readSync' || name === 'closeSync') && moduleFiles.has(args[0] as number)) {
        if (name === 'closeSync') moduleFiles.delete(args[0] as number);
        return original.apply(this, args);
      }
      step(kind);
      return original.apply(this, args);
    };
  }
}

// The same module instance the CLI loads (CommonJS is cached by path).
const require = createRequire(new URL('../electron/store/open.ts', import.meta.url));
const Database = require('better-sqlite3-multiple-ciphers') as new (path: string) => { prepare(sql: string): object; close(): void };
const probe = new Database(':memory:');
const statementPrototype = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, unknown>;
probe.close();
count(statementPrototype, ['run', 'get', 'all', 'iterate'], 's');
count(Database.prototype as unknown as Record<string, unknown>, ['exec', 'pragma'], 's');

count(fs as unknown as Record<string, unknown>, ['openSync', 'closeSync', 'readSync'], 'f');
count(fs as unknown as Record<string, unknown>, [
  'writeSync', 'writeFileSync', 'appendFileSync', 'fsyncSync', 'fdatasyncSync', 'renameSync', 'rmSync', 'unlinkSync',
  'rmdirSync', 'mkdirSync', 'copyFileSync', 'cpSync', 'chmodSync', 'fchmodSync', 'ftruncateSync', 'truncateSync',
], 'w');
// Named imports of node:fs (`import { writeSync } from 'node:fs'`) follow the patched functions.
syncBuiltinESMExports();
