import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

/** Process memory can be read like this on Linux only (/proc/PID/maps and /proc/PID/mem). */
export const canReadProcessMemory = process.platform === 'linux';

const CHUNK = 16 << 20;

/**
 * Reads every readable mapping of a (paused) process of ours and lists where each pattern occurs: the V8 heap
 * (live and freed), malloc's heap (SQLite, OpenSSL, Argon2), stacks — all of it, as a memory dump would show.
 * A heap snapshot is not enough: it lists only live JS objects, so a freed string holding the key is invisible
 * to it while still readable in the process. Also returns how many bytes were read, so a scan that read
 * nothing cannot pass for a clean one.
 */
export function scanProcessMemory(pid: number, patterns: Record<string, Buffer>): { hits: Record<string, string[]>; bytesRead: number } {
  const hits: Record<string, string[]> = {};
  const overlap = Math.max(...Object.values(patterns).map((pattern) => pattern.length)) - 1;
  const chunk = Buffer.alloc(CHUNK + overlap);
  let bytesRead = 0;
  const fd = openSync(`/proc/${pid}/mem`, 'r');
  try {
    for (const line of readFileSync(`/proc/${pid}/maps`, 'utf8').trim().split('\n')) {
      const [range = '', perms = '', , , , name = ''] = line.split(/\s+/);
      if (!perms.startsWith('r') || name.startsWith('[vvar') || name === '[vsyscall]') continue;
      const [start = 0, end = 0] = range.split('-').map((hex) => parseInt(hex, 16));
      // Chunks overlap by one pattern length less a byte, so a pattern across a chunk boundary is still found.
      for (let position = start; position < end; position += CHUNK) {
        let length: number;
        try {
          length = readSync(fd, chunk, 0, Math.min(CHUNK + overlap, end - position), position);
        } catch {
          break; // a mapping with no readable pages (a guard area, a device window)
        }
        bytesRead += Math.min(length, CHUNK);
        // Only what this read filled: the rest of the buffer is an earlier read's, and searching all 16 MiB of it
        // for every one of ~560 mappings made each scan take 15 s instead of 1.
        const read = chunk.subarray(0, length);
        for (const [label, pattern] of Object.entries(patterns)) {
          for (let at = read.indexOf(pattern); at >= 0; at = read.indexOf(pattern, at + 1)) {
            if (at < CHUNK) (hits[label] ??= []).push(`${name || 'anonymous'} ${perms} +${position - start + at}`);
          }
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return { hits, bytesRead };
}
