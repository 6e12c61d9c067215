import { closeSync, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readdirSync, readSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fsyncDirectory } from './atomic-write.ts';
import { copyRange } from './backup-file.ts';

/**
 * The store's write-ahead log, checked before SQLite reads it.
 *
 * After a crash, committed transactions may live only in `store.db-wal`. When SQLite opens the store it replays
 * the WAL up to the first frame whose checksum fails and silently drops that frame and every one after it; a
 * WAL whose header is garbage is ignored whole and deleted at the next close. One damaged byte would thus lose
 * committed work without a word. So every open first reads the WAL itself — no key is needed: SQLCipher
 * encrypts page contents only, while the WAL header and the 24-byte frame headers stay plaintext and the frame
 * checksums cover the encrypted page bytes (checked on a real WAL of this app). A WAL that SQLite would cut
 * short is copied aside, byte for byte, into `wal-recovery/` before SQLite touches it. The copy holds only
 * encrypted pages (no plaintext), is 0600 in a 0700 folder, and is kept until an administrator removes it:
 * while it exists `verify` fails (see verify.ts and README, Security).
 */
export const WAL_RECOVERY_FOLDER = 'wal-recovery';

const HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;
const WAL_VERSION = 3_007_000;
const MAGIC_LITTLE_ENDIAN = 0x377f0682;
const MAGIC_BIG_ENDIAN = 0x377f0683;

export type WalVerdict =
  /** No WAL, or an empty one: nothing to replay. */
  | { state: 'absent' }
  /** Every frame SQLite will drop is one it may drop: past the last commit, from an older generation, or torn. */
  | { state: 'sound'; validFrames: number }
  | { state: 'damaged'; reason: 'header' | 'frames'; detail: string };

/** SQLite's WAL checksum (wal.c, walChecksumBytes): two running 32-bit sums over pairs of 32-bit words. */
function checksum(bytes: Buffer, bigEndian: boolean, start: [number, number]): [number, number] {
  let [s0, s1] = start;
  for (let i = 0; i + 8 <= bytes.length; i += 8) {
    const x0 = bigEndian ? bytes.readUInt32BE(i) : bytes.readUInt32LE(i);
    const x1 = bigEndian ? bytes.readUInt32BE(i + 4) : bytes.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

const validPageSize = (raw: number) => raw === 1 || (raw >= 512 && raw <= 32_768 && (raw & (raw - 1)) === 0);

/**
 * Reads a WAL file the way SQLite's recovery does (wal.c, walIndexRecover) and says whether recovery would lose
 * frames it should keep. The rule, and why:
 * - a non-empty file with a bad header (magic, version, page size, header checksum) is damage: SQLite writes
 *   the 32-byte header in one write, so a crash never leaves it half-made;
 * - frames are valid while they carry the header's salts and their cumulative checksum matches; SQLite keeps
 *   them up to the last commit frame and drops the rest;
 * - after the first invalid frame, any later frame that still carries the current salts AND marks a commit
 *   is a committed transaction that SQLite will drop: damage. Frames of older generations (other salts) and
 *   non-commit frames past the break are normal leftovers (a rolled-back or cut-off transaction), and a
 *   failing last frame is what a kill -9 between the two writes of a frame (header, then page) leaves. The
 *   price of not crying wolf after every crash: damage confined to the final commit frame of the log cannot
 *   be told from that torn write and is not reported.
 */
export function inspectWal(walPath: string): WalVerdict {
  if (!existsSync(walPath)) return { state: 'absent' };
  const fd = openSync(walPath, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return { state: 'absent' };
    if (size < HEADER_BYTES) return { state: 'damaged', reason: 'header', detail: `${size} bytes, shorter than a WAL header` };
    const header = Buffer.alloc(HEADER_BYTES);
    readSync(fd, header, 0, HEADER_BYTES, 0);
    const magic = header.readUInt32BE(0);
    if (magic !== MAGIC_LITTLE_ENDIAN && magic !== MAGIC_BIG_ENDIAN) return { state: 'damaged', reason: 'header', detail: 'not a WAL header' };
    const bigEndian = (magic & 1) === 1;
    const rawPageSize = header.readUInt32BE(8);
    if (header.readUInt32BE(4) !== WAL_VERSION || !validPageSize(rawPageSize)) return { state: 'damaged', reason: 'header', detail: 'unknown WAL version or page size' };
    const headerSum = checksum(header.subarray(0, 24), bigEndian, [0, 0]);
    if (headerSum[0] !== header.readUInt32BE(24) || headerSum[1] !== header.readUInt32BE(28)) {
      return { state: 'damaged', reason: 'header', detail: 'WAL header checksum fails' };
    }
    return walkFrames(fd, size, header, bigEndian, rawPageSize === 1 ? 65_536 : rawPageSize, headerSum);
  } finally {
    closeSync(fd);
  }
}

function walkFrames(fd: number, size: number, header: Buffer, bigEndian: boolean, pageSize: number, headerSum: [number, number]): WalVerdict {
  const salt = header.subarray(16, 24);
  const frameBytes = FRAME_HEADER_BYTES + pageSize;
  const frames = Math.floor((size - HEADER_BYTES) / frameBytes);
  const frame = Buffer.alloc(frameBytes);
  let running = headerSum;
  let validFrames = 0;
  /** The first invalid frame, and whether it carried the current salts and marked a commit. */
  let broken: { index: number; commit: boolean } | null = null;
  for (let index = 0; index < frames; index += 1) {
    readSync(fd, frame, 0, frameBytes, HEADER_BYTES + index * frameBytes);
    const current = frame.subarray(8, 16).equals(salt);
    const commit = frame.readUInt32BE(4) !== 0;
    if (broken === null) {
      const sum = current ? checksum(frame.subarray(FRAME_HEADER_BYTES), bigEndian, checksum(frame.subarray(0, 8), bigEndian, running)) : null;
      if (sum && sum[0] === frame.readUInt32BE(16) && sum[1] === frame.readUInt32BE(20)) {
        running = sum;
        validFrames += 1;
      } else {
        broken = { index, commit: current && commit };
      }
      continue;
    }
    if (!current) continue;
    // A later frame of this generation: the broken frame was not the last one written, so it was not torn.
    if (commit) return { state: 'damaged', reason: 'frames', detail: `frame ${broken.index + 1} of ${frames} breaks the log before committed frame ${index + 1}` };
    if (broken.commit) return { state: 'damaged', reason: 'frames', detail: `committed frame ${broken.index + 1} of ${frames} fails its checksum` };
  }
  return { state: 'sound', validFrames };
}

const walOf = (storeFile: string) => `${storeFile}-wal`;
const recoveryFolder = (storeFile: string) => join(dirname(storeFile), WAL_RECOVERY_FOLDER);
const copyPrefix = (storeFile: string) => `${basename(walOf(storeFile))}.`;

/** UTC, to the second, sortable: 20250131T235959Z. */
const stamp = (now: Date) => now.toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll(/[-:]/g, '');

/**
 * Called before SQLite opens `storeFile`: when its WAL would lose frames, copies it (byte for byte, 0600) to
 * `wal-recovery/store.db-wal.<UTC stamp>` beside the store and returns the copy's path; otherwise null.
 * The live WAL is left as it is: SQLite then opens what it can, and nothing is lost by opening.
 */
export function setAsideDamagedWal(storeFile: string, now = new Date()): string | null {
  const verdict = inspectWal(walOf(storeFile));
  if (verdict.state !== 'damaged') return null;
  const folder = recoveryFolder(storeFile);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  let target = join(folder, `${copyPrefix(storeFile)}${stamp(now)}`);
  for (let n = 2; existsSync(target); n += 1) target = join(folder, `${copyPrefix(storeFile)}${stamp(now)}-${n}`);
  const fd = openSync(target, 'wx', 0o600);
  try {
    copyRange(walOf(storeFile), fd);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(target, { force: true });
    throw error;
  }
  closeSync(fd);
  fsyncDirectory(folder);
  fsyncDirectory(dirname(folder));
  return target;
}

/** Removes a copy just made of a WAL that turned out to be live (another process holds the store). */
export function discardWalCopy(copy: string): void {
  rmSync(copy, { force: true });
  if (readdirSync(dirname(copy)).length === 0) rmSync(dirname(copy), { recursive: true, force: true });
}

/** The damaged WALs set aside for `storeFile`, as paths relative to its folder (e.g. wal-recovery/store.db-wal.…), oldest first. */
export function setAsideWalCopies(storeFile: string): string[] {
  const folder = recoveryFolder(storeFile);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.startsWith(copyPrefix(storeFile)))
    .sort()
    .map((name) => `${WAL_RECOVERY_FOLDER}/${name}`);
}
