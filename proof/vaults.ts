import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVault } from '../electron/store/vault.ts';
import { FAST_KDF } from '../test/support/fast-kdf.ts';

/**
 * What every proof suite shares: vaults made in-process with a cheap key derivation, the real CLI in a child
 * process, and a digest of a folder to prove a check changed nothing.
 */
export const PASSPHRASE = 'proof passphrase: Хорог 2024';
export const ACTOR = 'proof';
/** The cheap key derivation of the tests (the envelope records it, so every CLI call on these vaults unlocks fast). */
export const PROOF_KDF = FAST_KDF;

const CLI = fileURLToPath(new URL('../electron/cli/index.ts', import.meta.url));
export const fixture = (name: string) => fileURLToPath(new URL(`../test/fixtures/${name}`, import.meta.url));

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The environment of a CLI call: the passphrase, and none of the caller's own OMBUDS_ settings. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OMBUDS_PASSPHRASE: PASSPHRASE, ...extra };
  delete env.OMBUDS_NEW_PASSPHRASE;
  return env;
}

/** The real CLI in a child process under this Node (24), run to its end. */
export function cli(args: string[], extraEnv: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { env: cliEnv(extraEnv), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 ** 2 });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

export interface KillableRun {
  /** Resolves when the process has ended, however it ended. */
  done: Promise<CliRun & { trace: string; /** ms from the start to the first counted step */ firstStepMs: number | null }>;
  kill(): void;
}

/**
 * The real CLI with `node --import kill-point.ts` loaded first: every store statement and file-system call is a
 * step, reported as one character on fd 3 ('s' SQL, 'w' a file change, 'f' a file read), and the process SIGKILLs
 * itself before step `killAt` (0: never). No timing is involved unless the caller also calls kill().
 */
export function startCli(args: string[], killAt: number): KillableRun {
  const preload = fileURLToPath(new URL('./kill-point.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', preload, CLI, ...args], {
    env: cliEnv({ PROOF_KILL_AT: String(killAt), PROOF_TRACE_FD: '3' }),
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let trace = '';
  let firstStepMs: number | null = null;
  const started = performance.now();
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => {
    firstStepMs ??= performance.now() - started;
    trace += chunk.toString('latin1');
  });
  const done = new Promise<CliRun & { trace: string; firstStepMs: number | null }>((resolve) =>
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr, trace, firstStepMs })),
  );
  return { done, kill: () => void child.kill('SIGKILL') };
}

/** A crash rather than a handled refusal: exit 70 (internal), a stack trace, or death by a signal we did not send. */
export function crashOf(run: CliRun): string | null {
  if (run.status === 70) return `exit 70 (internal error): ${firstLine(run.stderr)}`;
  if (/\n\s+at .+[:(]\d+:\d+\)?\n/.test(`${run.stderr}\n`)) return `stack trace on stderr: ${firstLine(run.stderr)}`;
  if (run.signal !== null) return `ended by ${run.signal}`;
  return null;
}

export const firstLine = (text: string) => text.trim().split('\n')[0]?.slice(0, 200) ?? '';

/** A fresh folder for one suite's work, removed by `cleanup`. */
export function workFolder(name: string): { root: string; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), `ombuds-proof-${name}-`));
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * A vault with the test scenario in it: the fixtures' incidents, persons, places, counterpart and letters, and
 * the office's letter settings, so letters can be drafted. Created in-process with PROOF_KDF, filled by the CLI.
 */
export interface Scenario {
  /** The vault folder; suites work on copies (copyVault). */
  dir: string;
  recoveryKey: string;
}

export async function scenarioVault(dir: string): Promise<Scenario> {
  const { vault, recoveryKey } = await createVault(dir, PASSPHRASE, { actor: ACTOR, kdf: PROOF_KDF });
  vault.close();
  for (const file of ['border-detention.json', 'kz-ombudsman-letters.json']) expectOk(cli(['import', '--store', dir, fixture(file)]), `import ${file}`);
  expectOk(cli(['office', '--store', dir, '--set', fixture('office.json')]), 'office --set');
  return { dir, recoveryKey };
}

export function expectOk(run: CliRun, what: string): CliRun {
  if (run.status !== 0) throw new Error(`${what} failed (exit ${run.status ?? run.signal}): ${firstLine(run.stderr)}`);
  return run;
}

/** Every file under `dir` (relative path → SHA-256), leaving out the names `skip` says may change. */
export function folderDigest(dir: string, skip: (path: string) => boolean = () => false): Map<string, string> {
  const digest = new Map<string, string>();
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, name);
    const rel = relative(dir, path);
    if (skip(rel) || !statSync(path).isFile()) continue;
    digest.set(rel, createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return digest;
}

/** The files whose bytes differ, appeared or disappeared between two digests. */
export function digestChanges(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed: string[] = [];
  for (const [path, hash] of before) if (after.get(path) !== hash) changed.push(after.has(path) ? `${path} changed` : `${path} deleted`);
  for (const path of after.keys()) if (!before.has(path)) changed.push(`${path} added`);
  return changed;
}

/** A copy of a vault folder, private as the app makes it (cpSync gives the new folder the umask's mode). */
export function copyVault(from: string, to: string): string {
  cpSync(from, to, { recursive: true });
  chmodSync(to, 0o700);
  return to;
}
