import { createCipheriv } from 'node:crypto';

/**
 * A small seeded generator (mulberry32): every random choice of the proof suites comes from it, so `--seed N`
 * replays the same plan — the same kill points, byte offsets and generated inputs.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from nothing');
    return items[this.int(0, items.length - 1)]!;
  }

  /** `length` bytes, fast for megabytes: AES-256-CTR over zeros under a key drawn from this generator. */
  bytes(length: number): Buffer {
    const key = Buffer.alloc(32);
    for (let i = 0; i < 32; i += 4) key.writeUInt32LE((this.next() * 4_294_967_296) >>> 0, i);
    const cipher = createCipheriv('aes-256-ctr', key, Buffer.alloc(16));
    return Buffer.concat([cipher.update(Buffer.alloc(length)), cipher.final()]);
  }

  /** A new generator seeded from this one: a suite's sub-plan stays the same when another suite changes. */
  fork(): Rng {
    return new Rng(this.int(0, 2 ** 32 - 1));
  }
}
