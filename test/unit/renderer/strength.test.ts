import { describe, expect, it } from 'vitest';
import { newPassphraseIssue, passphraseScore, REQUIRED_SCORE } from '../../../renderer/components/strength.ts';
import { newPassphraseProblem } from '../../../electron/store/passphrase-bytes.ts';
import { MIN_PASSPHRASE_LENGTH, passphraseBytesSchema } from '../../../shared/domain/vault.ts';

/** The rules the setup, change and recover forms apply before anything is sent to main. */
describe('new passphrase rules', () => {
  const strong = 'горная тропа вдоль Пянджа 2024';

  it('refuses a passphrase shorter than the minimum, counting Tajik letters as one character each', () => {
    expect(newPassphraseIssue('короче', 'короче')).toBe('tooShort');
    const almost = 'ҳҷқғӯӣҳҷқ'; // 9 code points, 18 UTF-8 bytes
    expect([...almost]).toHaveLength(MIN_PASSPHRASE_LENGTH - 1);
    expect(newPassphraseIssue(almost, almost)).toBe('tooShort');
  });

  it('refuses common and predictable passphrases even when long enough', () => {
    for (const weak of ['password123', 'qwertyuiop', '1234567890', 'aaaaaaaaaaaa']) {
      expect(newPassphraseIssue(weak, weak)).toBe('tooWeak');
    }
  });

  it('reports a mismatch only once the passphrase itself is acceptable', () => {
    expect(newPassphraseIssue(strong, `${strong}!`)).toBe('mismatch');
    expect(newPassphraseIssue('password123', 'other')).toBe('tooWeak');
  });

  it('accepts several unrelated words, and what it accepts main accepts too', () => {
    expect(passphraseScore(strong)).toBeGreaterThanOrEqual(REQUIRED_SCORE);
    expect(newPassphraseIssue(strong, strong)).toBeNull();
    // Main takes it as the UTF-8 bytes the form sends, and checks its own floor on them.
    const bytes = new TextEncoder().encode(strong);
    expect(passphraseBytesSchema.safeParse(bytes).success).toBe(true);
    expect(newPassphraseProblem(bytes)).toBeNull();
  });

  it('scores the empty passphrase 0 and a random one 4', () => {
    expect(passphraseScore('')).toBe(0);
    expect(passphraseScore('v8#Lq2!mZr@9Wt$e')).toBe(4);
  });
});
