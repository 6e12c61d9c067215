import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { addEvidence } from '../electron/services/evidence/evidence-files.ts';
import { CHUNK_BYTES } from '../electron/services/files/chunked-files.ts';
import type { Db } from '../electron/store/open.ts';
import { searchIncidents } from '../electron/store/repositories/incident-search.ts';
import { median, report, time } from './report.ts';

const SIZE = 500 * 2 ** 20;
/** Intake commits every 16 chunks (chunked-files.ts), and every commit is fsynced (synchronous=FULL). */
const CHUNKS_PER_FSYNC = 16;
const ROUNDS = 2;

/** A 500 MiB file that sniffs as MP4, written and fsynced, so no writeback of it overlaps a measurement. */
function writeSource(path: string): void {
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(2 ** 20);
  for (let i = 0; i < SIZE / block.length; i += 1) {
    block.fill(i & 0xff);
    block.write('ftypmp42', 4);
    writeSync(fd, block);
  }
  fsyncSync(fd);
  closeSync(fd);
}

/**
 * The baseline for intake: the file system doing the same job without a store. It reads the file the way intake
 * does (1 MiB at a time from a position, through user space), computes the SHA-256 of every chunk, writes it, and
 * fsyncs after every 16 chunks and at the end, as intake's commits do. Returns the digest.
 */
function hashedCopy(from: string, to: string): string {
  const input = openSync(from, 'r');
  const output = openSync(to, 'w', 0o600);
  try {
    const hash = createHash('sha256');
    const buffer = Buffer.alloc(CHUNK_BYTES);
    let position = 0;
    for (let chunks = 1, read = readSync(input, buffer, 0, CHUNK_BYTES, 0); read > 0; chunks += 1, read = readSync(input, buffer, 0, CHUNK_BYTES, position)) {
      const chunk = buffer.subarray(0, read);
      hash.update(chunk);
      for (let written = 0; written < read; ) written += writeSync(output, chunk, written, read - written);
      position += read;
      if (chunks % CHUNKS_PER_FSYNC === 0) fsyncSync(output);
    }
    fsyncSync(output);
    return hash.digest('hex');
  } finally {
    closeSync(input);
    closeSync(output);
  }
}

/** Reads the file once, so every side below starts from the same page-cache state: the file already in memory. */
function readOnce(path: string): string {
  const input = openSync(path, 'r');
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(CHUNK_BYTES);
  let position = 0;
  for (let read = readSync(input, buffer, 0, CHUNK_BYTES, 0); read > 0; read = readSync(input, buffer, 0, CHUNK_BYTES, position)) {
    hash.update(buffer.subarray(0, read));
    position += read;
  }
  closeSync(input);
  return hash.digest('hex');
}

type Side = 'encrypted' | 'plain' | 'copy';

/**
 * Evidence intake of a 500 MiB file (`addEvidence`: sniff, SHA-256, 1 MiB chunks committed 16 at a time, then the
 * checkpoint that moves them from the WAL into the store) into the encrypted store, beside (1) the same intake into
 * the plain store and (2) a hashed, fsynced copy of the same file. The file is read once before any of them, and
 * the rounds run in mirrored order (copy, encrypted, plain, then plain, encrypted, copy) so neither side always goes
 * first. Every side checks the same SHA-256.
 */
export function benchEvidence(encrypted: Db, plain: Db, scratch: string): void {
  const source = join(scratch, 'video.mp4');
  writeSource(source);
  const expected = readOnce(source);
  const stores = { encrypted, plain };
  const times: Record<Side, number[]> = { encrypted: [], plain: [], copy: [] };
  const order: Side[] = ['copy', 'encrypted', 'plain'];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const side of round % 2 === 0 ? order : [...order].reverse()) {
      let sha256 = '';
      if (side === 'copy') {
        const copy = join(scratch, 'copy.mp4');
        times.copy.push(time(() => (sha256 = hashedCopy(source, copy))));
        rmSync(copy);
      } else {
        const db = stores[side];
        const incidentId = searchIncidents(db, { sort: 'title', limit: 1 })[0]!.id;
        times[side].push(time(() => (sha256 = addEvidence(db, { incidentId, path: source, actor: 'bench' }).sha256)));
      }
      if (sha256 !== expected) throw new Error(`evidence bench: ${side} computed a different SHA-256`);
    }
  }
  rmSync(source);
  const mbps = (side: Side) => SIZE / 2 ** 20 / (median(times[side]) / 1000);
  console.log(
    `\nevidence intake of a 500 MiB file, read once beforehand so every side finds it in the page cache; median of ${ROUNDS} rounds in mirrored order. ` +
      'Intake writes each byte twice (the WAL, then the store at its checkpoint); the copy writes it once. Target ≥ 50 % of copy throughput',
  );
  report('intake into encrypted store', mbps('encrypted'), 'SHA-256 + copy, fsync per 16 MiB', mbps('copy'), 'MiB/s');
  report('intake into encrypted store', mbps('encrypted'), 'same intake into plain store', mbps('plain'), 'MiB/s');
}
