import { describe, expect, it } from 'vitest';
import { formatRecoveryKey, generateRecoveryKey, parseRecoveryKey } from '../../electron/store/recovery-key.ts';

describe('recovery key', () => {
  it('is 160 random bits in eight dash-joined groups of four Crockford Base32 characters', () => {
    const { text, bytes } = generateRecoveryKey();
    expect(bytes).toHaveLength(20);
    expect(text).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$/);
    expect(generateRecoveryKey().text).not.toBe(text);
  });

  it('round-trips and forgives case, spaces and look-alike letters', () => {
    const bytes = Buffer.from('00112233445566778899aabbccddeeff01234567', 'hex');
    const text = formatRecoveryKey(bytes);
    // Independently computed: RFC 4648 Base32 of the bytes, letters mapped onto Crockford's alphabet.
    expect(text).toBe('008J-4CT4-ANK7-F24S-NAXW-SQFE-ZW0J-6HB7');
    expect(parseRecoveryKey(text).equals(bytes)).toBe(true);
    expect(parseRecoveryKey(' oo8j 4ct4 ank7 f24s naxw sqfe zwoj 6hb7 ').equals(bytes)).toBe(true);
    expect(parseRecoveryKey('008J4CT4ANK7F24SNAXWSQFEZW0J6HB7').equals(bytes)).toBe(true);
  });

  it('rejects the wrong length and letters outside the alphabet as a wrong recovery key', () => {
    expect(() => parseRecoveryKey('008J-4CT4')).toThrow(expect.objectContaining({ code: 'wrong-recovery-key' }));
    expect(() => parseRecoveryKey('U08J-4CT4-ANK7-F24S-NAXW-SQFE-ZW0J-6HB7')).toThrow(expect.objectContaining({ code: 'wrong-recovery-key' }));
  });
});
