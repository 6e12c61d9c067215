import { existsSync, lstatSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fsyncDirectory } from './atomic-write.ts';
import { ENVELOPE_FILE } from './envelope.ts';
import { STORE_FILE } from './open.ts';
import { restoreJournalExists } from './restore-journal.ts';

/**
 * What a process killed half-way leaves behind, and its removal. Such leftovers are whole copies of the store or
 * of its key envelope: the envelope in one still opens with the passphrase that was valid then, so after a
 * passphrase change an old passphrase would keep opening the data. They are removed at the next chance.
 */

/** `.restore-<tag>` (a staged backup), `.previous-<tag>` (the vault a restore replaced), `.vault.json.<tag>.tmp` (a temp file of an atomic write). */
const DATA_FOLDER_LEFTOVER = /^(?:\.(?:restore|previous)-[0-9a-f]{12}|\..+\.[0-9a-f]{12}\.tmp)$/;

/**
 * Removes the leftovers of a killed restore or atomic write from the data folder. Called at every open, once the
 * store is ours (its exclusive lock is held). Does nothing while a restore journal exists (those folders are the
 * restore's own until it completes) or while the folder lacks a whole vault (then a leftover may be the one copy
 * there is, from a version of the app before the journal). Returns the names removed.
 */
export function removeRestoreLeftovers(dir: string): string[] {
  if (restoreJournalExists(dir) || !existsSync(join(dir, STORE_FILE)) || !existsSync(join(dir, ENVELOPE_FILE))) return [];
  const removed = readdirSync(dir).filter((name) => DATA_FOLDER_LEFTOVER.test(name));
  for (const name of removed) rmSync(join(dir, name), { recursive: true, force: true });
  if (removed.length > 0) fsyncDirectory(dir);
  return removed;
}

/**
 * Removes what a killed backup left in its target folder: the keyed `VACUUM INTO` copy (`.ombuds-backup-<tag>.db`
 * and any journal SQLite kept beside it) and half-written containers (`.<name>.<tag>.tmp`) — of this target name,
 * or of any `.ombudsbackup`. Names are matched exactly, since the folder is the user's.
 */
export function removeBackupLeftovers(folder: string, outFile: string): string[] {
  const target = basename(outFile).replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const leftover = new RegExp(`^(?:\\.ombuds-backup-[0-9a-f]{12}\\.db(?:-journal|-wal|-shm)?|\\.(?:${target}|.+\\.ombudsbackup)\\.[0-9a-f]{12}\\.tmp)$`);
  const removed = readdirSync(folder).filter((name) => leftover.test(name) && lstatSync(join(folder, name)).isFile());
  for (const name of removed) rmSync(join(folder, name), { force: true });
  if (removed.length > 0) fsyncDirectory(folder);
  return removed;
}
