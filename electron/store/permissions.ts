import { chmodSync, closeSync, lstatSync, openSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join, relative } from 'node:path';
import { AppError } from '../errors/app-error.ts';

/** Group and others: none of these bits may be set on anything in the vault folder. */
const GROUP_AND_OTHERS = 0o077;
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/**
 * Windows has no POSIX modes (Node maps them onto the read-only flag); its profile folder's ACL protects the
 * vault there, so these checks apply elsewhere only.
 */
export const checksFileModes = process.platform !== 'win32';

/** One entry whose mode was tightened: its path inside the vault folder and its mode before, e.g. "0644". */
export interface PermissionFix {
  path: string;
  was: string;
}

const octal = (mode: number) => `0${(mode & 0o777).toString(8).padStart(3, '0')}`;

/** Creates an empty file that only its owner can read and write (SQLite then gives -wal and -shm the same mode). */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE));
  if (checksFileModes) chmodSync(path, PRIVATE_FILE_MODE); // whatever the umask
}

function entries(dir: string): { path: string; stats: Stats }[] {
  const found = [{ path: dir, stats: statSync(dir) }];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stats = lstatSync(path);
    // A symbolic link is not followed: its target is outside what the vault owns.
    if (stats.isDirectory()) found.push(...entries(path));
    else if (stats.isFile()) found.push({ path, stats });
  }
  return found;
}

/**
 * Checked at every open: every file of the vault (vault.json, store.db and its -wal/-shm, anything in a subfolder)
 * must be closed to group and others, and every folder too. What we own and is too open is tightened (and reported,
 * so the CLI can warn); what is too open and belongs to another account — or what chmod cannot change, as on a
 * FAT-formatted stick — is refused with `vault-permissions`, because the store would stay readable by others.
 */
export function secureVaultPermissions(dir: string): PermissionFix[] {
  if (!checksFileModes) return [];
  const uid = process.getuid?.();
  const fixes: PermissionFix[] = [];
  for (const { path, stats } of entries(dir)) {
    if ((stats.mode & GROUP_AND_OTHERS) === 0) continue;
    const name = relative(dir, path) || '.';
    if (uid !== undefined && stats.uid !== uid) {
      throw new AppError('vault-permissions', { detail: `${name} is ${octal(stats.mode)} and belongs to another user` });
    }
    const tightened = stats.mode & 0o777 & ~GROUP_AND_OTHERS;
    try {
      chmodSync(path, tightened);
    } catch (error) {
      throw new AppError('vault-permissions', { detail: `${name} is ${octal(stats.mode)} and cannot be changed`, cause: error });
    }
    if ((statSync(path).mode & GROUP_AND_OTHERS) !== 0) {
      throw new AppError('vault-permissions', { detail: `${name} is ${octal(stats.mode)} and this file system keeps it so` });
    }
    fixes.push({ path: name, was: octal(stats.mode) });
  }
  return fixes;
}
