const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');

/**
 * The SQLCipher raw-key literal `x'<64 hex digits>'` as bytes, built digit by digit so the key never exists as a
 * JS string (a string cannot be zeroed and lingers in the heap after lock). SQLite3MultipleCiphers reads a key
 * of exactly this form as the raw 32-byte key rather than as a passphrase, so the store stays what
 * `PRAGMA key = "x'<hex>'"` opens in standard SQLCipher 4 tools. The caller zeroes the returned buffer.
 */
export function rawKeyLiteral(key: Buffer): Buffer {
  const literal = Buffer.alloc(key.length * 2 + 3);
  literal[0] = 0x78; // x
  literal[1] = 0x27; // '
  for (let i = 0; i < key.length; i += 1) {
    literal[2 + i * 2] = HEX_DIGITS[key[i]! >> 4]!;
    literal[3 + i * 2] = HEX_DIGITS[key[i]! & 0x0f]!;
  }
  literal[literal.length - 1] = 0x27; // '
  return literal;
}
