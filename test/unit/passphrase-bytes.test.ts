import { describe, expect, it } from 'vitest';
import { normalizedPassphraseBytes } from '../../electron/store/passphrase-bytes.ts';

// The KDF input must stay exactly what `hashRaw(text.normalize('NFC'))` hashed before passphrases became bytes,
// or existing vaults would stop opening.
const asBefore = (text: string) => Buffer.from(text.normalize('NFC'), 'utf8');

describe('passphrase bytes for the KDF', () => {
  const samples = [
    'correct horse battery staple',
    'горная тропа 2024 Ҷ',
    'Ғафуров ӣ қ ӯ ҳ ҷ — Хуҷанд',
    'Ёжик в тумане, й',
    'и\u0306 decomposed й and е\u0308 decomposed ё',
    'café crème brûlée Ångström',
    'cafe\u0301 decomposed',
    'ﬁ ligature and Ω ohm sign \u2126',
    '中文密码 🔑 emoji',
    'Hangul 한국어 \u1100\u1161',
    'titlo \u0483 combining Cyrillic',
  ];

  it.each(samples)('gives the same bytes from text and from its UTF-8 bytes: %s', (text) => {
    expect(normalizedPassphraseBytes(text).equals(asBefore(text))).toBe(true);
    expect(normalizedPassphraseBytes(Buffer.from(text, 'utf8')).equals(asBefore(text))).toBe(true);
  });

  it('decomposed and composed forms unlock alike', () => {
    expect(normalizedPassphraseBytes(Buffer.from('и\u0306', 'utf8')).equals(Buffer.from('й', 'utf8'))).toBe(true);
  });

  it('treats bytes that are not UTF-8 as the text decoder always did (replacement characters)', () => {
    for (const bytes of [Buffer.from([0xc3]), Buffer.from([0xe0, 0x80, 0x80]), Buffer.from([0xc0, 0xaf]), Buffer.from([0xff, 0x41])]) {
      expect(normalizedPassphraseBytes(bytes).equals(asBefore(bytes.toString('utf8')))).toBe(true);
    }
  });

  it('returns a copy: zeroing it leaves the caller\'s bytes, and the caller zeroing theirs leaves it', () => {
    const input = Buffer.from('горная тропа', 'utf8');
    const output = normalizedPassphraseBytes(input);
    output.fill(0);
    expect(input.toString('utf8')).toBe('горная тропа');
    const again = normalizedPassphraseBytes(input);
    input.fill(0);
    expect(again.toString('utf8')).toBe('горная тропа');
  });
});
