import en from 'hyphen/en-gb/index.js';
import ru from 'hyphen/ru/index.js';
import type { Language } from '../../shared/domain/vault.ts';
import { NBSP, urlPattern } from '../../shared/document/typography.ts';

export const SOFT_HYPHEN = '\u00AD';

/**
 * Hyphenation from the TeX patterns of the `hyphen` package (Liang's algorithm; ruhyphen for Russian, the British
 * English patterns for English), marked with soft hyphens (U+00AD): the PDF writer breaks a line at one and draws
 * a hyphen there, the DOCX carries them, so Word and LibreOffice break at the same places the PDF does.
 *
 * Tajik has no TeX patterns. Its Cyrillic alphabet is Russian's plus ғ ӣ қ ӯ ҳ ҷ, and its syllables follow the
 * same vowel–consonant rules, so a Tajik word is hyphenated with the Russian patterns after each Tajik letter is
 * read as its nearest Russian sound — ӣ as и and ӯ as у (vowels), ғ as г, қ as к, ҳ as х, ҷ as ч (consonants) —
 * and the soft hyphens are put back into the Tajik word at the same places. Unmapped, the patterns would not see
 * those letters at all and could break beside them against the rules. Russian patterns also know Russian prefixes
 * Tajik does not have, so a Tajik break must keep the school rule of both languages: a consonant stays with the
 * vowel after it, and each part has a vowel.
 */
const TAJIK_AS_RUSSIAN: Record<string, string> = { ғ: 'г', ӣ: 'и', қ: 'к', ӯ: 'у', ҳ: 'х', ҷ: 'ч', Ғ: 'Г', Ӣ: 'И', Қ: 'К', Ӯ: 'У', Ҳ: 'Х', Ҷ: 'Ч' };

/**
 * Letters kept together at a word's start and end: TeX's lefthyphenmin/righthyphenmin (Russian 2/2, British English
 * 2/3). Tajik keeps three at the end: its endings (-ед, -ам, -ро, -ҳо) would otherwise be broken off («намо-ед»).
 */
const MIN: Record<Language, { left: number; right: number }> = { ru: { left: 2, right: 2 }, tg: { left: 2, right: 3 }, en: { left: 2, right: 3 } };
/** Shorter words are never broken: in a narrow table cell a short word is better moved whole («wo-men», «ка-ры»). */
const MIN_WORD = 6;
const TAJIK_VOWELS = /[аеёиӣоуӯыэюяАЕЁИӢОУӮЫЭЮЯ]/;
const TAJIK_CONSONANTS = /[бвгғджзйкқлмнпрстфхҳцчҷшщБВГҒДЖЗЙКҚЛМНПРСТФХҲЦЧҶШЩ]/;

/**
 * Text with soft hyphens in its words. URLs, e-mail addresses, abbreviations in capitals, words with digits, and the
 * words of a number or date (bound to a number by a no-break space: «15 марта 2024», "2 February", «12 человек»)
 * stay whole: a date wraps as a whole or at its spaces, never inside a word.
 */
export function hyphenate(text: string, language: Language): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    out += hyphenateWords(text.slice(last, match.index), language) + match[0];
    last = match.index + match[0].length;
  }
  return out + hyphenateWords(text.slice(last), language);
}

const AFTER_NUMBER = new RegExp(`\\d${NBSP}$`, 'u');
const BEFORE_NUMBER = new RegExp(`^${NBSP}\\d`, 'u');

function hyphenateWords(text: string, language: Language): string {
  return text.replace(/[\p{L}\u00AD]+/gu, (word, at: number) => {
    const ofNumber = AFTER_NUMBER.test(text.slice(0, at)) || BEFORE_NUMBER.test(text.slice(at + word.length));
    return ofNumber || word.includes(SOFT_HYPHEN) || [...word].length < MIN_WORD || word === word.toUpperCase() ? word : hyphenateWord(word, language);
  });
}

function hyphenateWord(word: string, language: Language): string {
  const read = language === 'tg' ? [...word].map((char) => TAJIK_AS_RUSSIAN[char] ?? char).join('') : word;
  const marked = (language === 'en' ? en : ru).hyphenateSync(read, { hyphenChar: SOFT_HYPHEN, minWordLength: MIN_WORD });
  const { left, right } = MIN[language];
  const letters = [...word];
  let out = '';
  let index = 0;
  for (const char of marked) {
    if (char === SOFT_HYPHEN) {
      if (index >= left && letters.length - index >= right && (language !== 'tg' || tajikBreakOk(letters, index))) out += SOFT_HYPHEN;
      continue;
    }
    out += letters[index];
    index += 1;
  }
  return out;
}

/** A break before `index` in a Tajik word: not between a consonant and its vowel, and a vowel on each side. */
function tajikBreakOk(letters: readonly string[], index: number): boolean {
  const [before, after] = [letters[index - 1] ?? '', letters[index] ?? ''];
  if (TAJIK_CONSONANTS.test(before) && TAJIK_VOWELS.test(after)) return false;
  return letters.slice(0, index).some((char) => TAJIK_VOWELS.test(char)) && letters.slice(index).some((char) => TAJIK_VOWELS.test(char));
}
