import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rawKeyLiteral } from '../../electron/store/raw-key.ts';

describe('raw key literal', () => {
  it("is the bytes of x'<lower-case hex>', what `PRAGMA key` takes in standard SQLCipher tools", () => {
    for (const key of [Buffer.alloc(32), Buffer.alloc(32, 0xff), randomBytes(32)]) {
      expect(rawKeyLiteral(key).toString('latin1')).toBe(`x'${key.toString('hex')}'`);
    }
  });
});
