import type { Rng } from './rng.ts';

/** What the corruption suite does to a file: one of the three things disks, copies and people do to bytes. */
export const damages = ['byte flip', 'zeroed page', 'truncation'] as const;
export type Damage = (typeof damages)[number];

export const PAGE = 4096;

export interface Damaged {
  bytes: Buffer;
  /** The first byte offset that differs, or the new length for a truncation. */
  at: number;
  /** Where the damaged range ends (exclusive): the file's old length for a truncation. */
  end: number;
  /** A human line: where and what. */
  where: string;
}

/**
 * Damages a copy of `original`. `pages` (1-based page numbers) confines the damage to those pages of a store —
 * for the stored-files target, whose chunks live in known pages — otherwise it falls anywhere in the file.
 */
export function damage(original: Buffer, kind: Damage, rng: Rng, pages?: readonly number[]): Damaged {
  const bytes = Buffer.from(original);
  const pageCount = Math.max(1, Math.ceil(bytes.length / PAGE));
  const page = pages?.length ? rng.pick(pages) - 1 : rng.int(0, pageCount - 1);
  switch (kind) {
    case 'byte flip': {
      const at = pages?.length ? page * PAGE + rng.int(0, PAGE - 1) : rng.int(0, bytes.length - 1);
      const mask = rng.int(1, 255);
      bytes[at]! ^= mask;
      return { bytes, at, end: at + 1, where: `byte ${at} xor 0x${mask.toString(16).padStart(2, '0')}` };
    }
    case 'zeroed page': {
      const start = page * PAGE;
      bytes.fill(0, start, Math.min(bytes.length, start + PAGE));
      return { bytes, at: start, end: Math.min(bytes.length, start + PAGE), where: `page at ${start} zeroed` };
    }
    case 'truncation': {
      // Half the cuts on a page boundary (what a lost tail of whole pages looks like), half anywhere.
      const length = pages?.length || rng.next() < 0.5 ? Math.min(bytes.length - 1, page * PAGE) : rng.int(0, bytes.length - 1);
      return { bytes: bytes.subarray(0, length), at: length, end: bytes.length, where: `cut to ${length} of ${bytes.length} bytes` };
    }
  }
}
