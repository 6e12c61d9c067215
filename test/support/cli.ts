import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVault } from '../../electron/store/vault.ts';
import { FAST_KDF } from './fast-kdf.ts';
import { tempDir } from './temp.ts';

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

/**
 * A new vault for driving the CLI, made in-process with FAST_KDF (what `init` does, minus production's Argon2id
 * cost): the envelope records the cheap parameters, so every CLI call on it unlocks quickly. Only the tests of
 * `init` itself and of unlocking run `init` and pay the full cost, on purpose.
 */
export async function cliVault(passphrase: string): Promise<{ store: string; recoveryKey: string }> {
  const store = join(tempDir(), 'vault');
  const { vault, recoveryKey } = await createVault(store, passphrase, { actor: 'tester', kdf: FAST_KDF });
  vault.close();
  return { store, recoveryKey };
}
