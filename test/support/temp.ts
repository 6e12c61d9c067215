import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];

/** A fresh temp folder removed after the test. */
export function tempDir(prefix = 'ombuds-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Argon2id at its floor, so tests that create many vaults stay quick; production uses DEFAULT_KDF. */
export { FAST_KDF } from './fast-kdf.ts';
