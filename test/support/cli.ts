import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../electron/cli/index.ts', import.meta.url));

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process under the tests' Node, with the given secrets in its environment. */
export function runCli(args: string[], env: Record<string, string> = {}, extraEnv: NodeJS.ProcessEnv = {}): CliResult {
  const base = { ...process.env, ...extraEnv };
  delete base.OMBUDS_PASSPHRASE;
  delete base.OMBUDS_NEW_PASSPHRASE;
  const result = spawnSync(process.execPath, [CLI, ...args], { env: { ...base, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
