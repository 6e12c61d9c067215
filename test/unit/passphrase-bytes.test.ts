import { describe, expect, it } from 'vitest';
import { newPassphraseProblem, normalizedPassphraseBytes } from '../../electron/store/passphrase-bytes.ts';
import { passphraseProblem } from '../../shared/domain/vault.ts';

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

// Main checks a new passphrase on the bytes the window sends (no string made of NFC-stable text): the verdict
// must be exactly what the text rules (`passphraseProblem`) give for the same text.
describe('the strength of a new passphrase, checked on its bytes', () => {
  const cases = [
    'correct horse battery staple',
    'горная тропа 2024 Ҷ',
    'Ғафуров ӣ қ ӯ ҳ ҷ',
    'short',
    'қӯҳҷғқӯҳҷ', // nine Tajik letters: 18 bytes, still too short
    'aaaaaaaaaaaa',
    'AaAaBbBbCcCcDd', // four letters in two cases: too simple
    'АаБбВвГгДдЕе',
    'ЁёЁёЁёЁёЁёЁё',
    'ҶҷҶҷҒғҒғҚқҚқ',
    'İiİiİiİiİiI', // İ lower-cases to two code points: a letter of its own
    'и\u0306и\u0306и\u0306и\u0306и\u0306и\u0306', // decomposed й: six characters once normalized (decoded path)
    'cafe\u0301 decomposed',
    '中文密码 🔑 emoji and more',
    'titlo \u0483 combining Cyrillic',
  ];

  it.each(cases)('gives the text rules\' verdict: %s', (text) => {
    expect(newPassphraseProblem(Buffer.from(text, 'utf8'))).toBe(passphraseProblem(text));
    expect(newPassphraseProblem(new TextEncoder().encode(text))).toBe(passphraseProblem(text));
  });

  it('folds case exactly like the text rules for every pair of letters it checks without decoding', () => {
    // a + b + three other characters (ten in all): too simple when a and b are one letter in two cases, else fine.
    const ranges = [[0x20, 0x7e], [0xa0, 0x17f], [0x400, 0x482], [0x48a, 0x52f]] as const;
    const letters = ranges.flatMap(([low, high]) => Array.from({ length: high - low + 1 }, (_, i) => String.fromCodePoint(low + i)));
    const disagreements: string[] = [];
    for (const a of letters) {
      for (const b of letters) {
        const text = `${a}${b}01201201`;
        if (newPassphraseProblem(Buffer.from(text, 'utf8')) !== passphraseProblem(text)) disagreements.push(text);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
