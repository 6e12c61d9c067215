import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';
import { fsyncDirectory } from './atomic-write.ts';
import { ENVELOPE_FILE } from './envelope.ts';
import { STORE_FILE } from './open.ts';

/**
 * How a restore replaces the vault's files so that a process killed at any moment leaves the old vault or the
 * restored one, whole, and never a folder without a vault.
 *
 * Two files (vault.json, store.db) must change together, and a folder of its own would change the vault's
 * layout, so the swap is made atomic with a journal: the backup is first staged in `.restore-<tag>/` and
 * verified there; then `restore-journal.json` (only a format and the tag, 0600, no case data) is written
 * atomically — temp file, fsync, rename, fsync of the folder. That rename is the commit point. From then on the
 * swap only ever goes forward: the live files move to `.previous-<tag>/`, the staged ones move in (renames
 * inside one folder, each atomic), the journal is removed and both folders deleted. Every step can run again, so
 * whoever finds a journal — the next unlock — completes the swap from wherever it stopped. Rolling forward is
 * safe because the staged store was fully verified before the journal existed; before it exists the live files
 * were never touched and a leftover staging folder is just removed (leftovers.ts).
 *
 * The restoring process must be the only one using the vault folder (a restore replaces what another process
 * has open): two processes completing the same journal at once could move each other's files.
 */
export const RESTORE_JOURNAL = 'restore-journal.json';
const JOURNAL_FORMAT = 'ombuds-restore-journal/1';

/** The live files, in the order they are moved aside: the WAL first, so it can never be replayed into another store. */
const LIVE_FILES = [`${STORE_FILE}-wal`, `${STORE_FILE}-shm`, STORE_FILE, ENVELOPE_FILE] as const;

/** The steps of the swap, in order (tests stop a process at each to prove the next open completes it). */
export const swapSteps = [
  'journal-temp-written',
  'journal-written',
  ...LIVE_FILES.map((name) => `aside:${name}` as const),
  `installed:${STORE_FILE}`,
  `installed:${ENVELOPE_FILE}`,
  'journal-removed',
  'leftovers-removed',
] as const;
export type SwapStep = (typeof swapSteps)[number];

const journalSchema = z.object({ format: z.literal(JOURNAL_FORMAT), tag: z.string().regex(/^[0-9a-f]{12}$/) }).strict();

export const newRestoreTag = () => randomBytes(6).toString('hex');
export const stagingFolder = (dir: string, tag: string) => join(dir, `.restore-${tag}`);
export const asideFolder = (dir: string, tag: string) => join(dir, `.previous-${tag}`);
const journalPath = (dir: string) => join(dir, RESTORE_JOURNAL);

/** A restore was committed and not yet completed: the folder holds a vault, whichever files are in place now. */
export const restoreJournalExists = (dir: string) => existsSync(journalPath(dir));

/** The commit point of a restore whose files are staged in `.restore-<tag>/`. */
export function writeRestoreJournal(dir: string, tag: string, onStep: (step: SwapStep) => void): void {
  const temp = join(dir, `.${RESTORE_JOURNAL}.${randomBytes(6).toString('hex')}.tmp`);
  const bytes = Buffer.from(JSON.stringify({ format: JOURNAL_FORMAT, tag }), 'utf8');
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    onStep('journal-temp-written');
    renameSync(temp, journalPath(dir));
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  fsyncDirectory(dir);
  onStep('journal-written');
}

function readJournalTag(dir: string): string {
  try {
    return journalSchema.parse(JSON.parse(readFileSync(journalPath(dir), 'utf8'))).tag;
  } catch (error) {
    // Written atomically by us, so this is tampering or disk damage: keep every file for an administrator.
    throw new AppError('store-damaged', { detail: `${RESTORE_JOURNAL} is damaged; the files of an interrupted restore were kept`, cause: error });
  }
}

function moveIfPresent(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Completes a committed restore from wherever it stopped; does nothing without a journal. Called by the restore
 * itself right after writing the journal, and by every unlock before it reads vault.json.
 */
export function finishInterruptedRestore(dir: string, onStep: (step: SwapStep) => void = () => undefined): void {
  if (!restoreJournalExists(dir)) return;
  const tag = readJournalTag(dir);
  const staging = stagingFolder(dir, tag);
  const aside = asideFolder(dir, tag);
  const staged = (name: string) => existsSync(join(staging, name));
  if (!existsSync(staging) && !(existsSync(join(dir, STORE_FILE)) && existsSync(join(dir, ENVELOPE_FILE)))) {
    throw new AppError('store-damaged', { detail: `${RESTORE_JOURNAL} names a restore whose files are missing` });
  }
  // While the staged store is still in staging, every live file in the folder is the old vault's.
  if (staged(STORE_FILE)) {
    mkdirSync(aside, { recursive: true, mode: 0o700 });
    for (const name of LIVE_FILES) {
      moveIfPresent(join(dir, name), join(aside, name));
      onStep(`aside:${name}`);
    }
    fsyncDirectory(aside);
    fsyncDirectory(dir);
    moveIfPresent(join(staging, STORE_FILE), join(dir, STORE_FILE));
    fsyncDirectory(dir);
    onStep(`installed:${STORE_FILE}`);
  }
  if (staged(ENVELOPE_FILE)) {
    // The old vault.json went aside before the staged store came in, so nothing is overwritten here.
    moveIfPresent(join(staging, ENVELOPE_FILE), join(dir, ENVELOPE_FILE));
    fsyncDirectory(dir);
    onStep(`installed:${ENVELOPE_FILE}`);
  }
  rmSync(journalPath(dir), { force: true });
  fsyncDirectory(dir);
  onStep('journal-removed');
  rmSync(aside, { recursive: true, force: true });
  rmSync(staging, { recursive: true, force: true });
  fsyncDirectory(dir);
  onStep('leftovers-removed');
}
