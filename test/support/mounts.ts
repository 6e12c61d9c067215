import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Small tmpfs mounts for the full-disk and read-only faults. Root ignores folder permissions, so only a real
 * read-only or full filesystem reproduces what a user's USB stick does. Needs root (as CI and developers are here).
 */
export const canMount = (() => {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

export function mountTmpfs(parent: string, options: string): { path: string; unmount(): void } {
  const path = join(parent, `mnt-${Math.random().toString(36).slice(2)}`);
  mkdirSync(path);
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', path]);
  return {
    path,
    unmount() {
      execFileSync('umount', [path]);
      rmSync(path, { recursive: true, force: true });
    },
  };
}
