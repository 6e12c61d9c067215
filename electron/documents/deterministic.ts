import { createHash } from 'node:crypto';

/**
 * Runs `make` with Math.random replaced by a generator seeded from `seed`, then restores it. The docx library draws
 * its identifiers (the embedded font's obfuscation key among them) from Math.random while it builds and compiles a
 * document — synchronously, before its first await — so the same letter gives the same XML. Nothing else runs in
 * between: JavaScript is single-threaded and `make` does not yield before returning its promise.
 */
export function withSeededRandom<T>(seed: string, make: () => T): T {
  const digest = createHash('sha256').update(seed).digest();
  let state = digest.readUInt32LE(0) || 1;
  // mulberry32: small, fast and well distributed; this is for identifiers, not for secrets.
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const original = Math.random;
  Math.random = next;
  try {
    return make();
  } finally {
    Math.random = original;
  }
}
