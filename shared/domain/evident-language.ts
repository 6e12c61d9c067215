import type { Language } from './vault.ts';

/** Letters of the Tajik alphabet that Russian lacks, and of the Russian alphabet that Tajik lacks. */
const TAJIK_ONLY = /[ғӣқӯҳҷ]/iu;
const RUSSIAN_ONLY = /[щыьц]/iu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * The language texts are evidently written in, told by their letters alone: Tajik when words carry letters only the
 * Tajik alphabet has (ғ ӣ қ ӯ ҳ ҷ) — at least a quarter of the Cyrillic words — and Russian-only letters (щ ы ь ц)
 * do not outweigh them; English when the words are
 * Latin and none Cyrillic; otherwise undefined, for the caller's default. Used where a text arrives without its
 * language (format-1 files, spreadsheets without a language column), so a Tajik title is not filed as Russian and
 * then printed in a Russian letter. One Tajik place name in a Russian sentence does not make it Tajik.
 */
export function evidentLanguage(...texts: readonly string[]): Language | undefined {
  const words = texts.join(' ').split(/[^\p{L}]+/u).filter(Boolean);
  const count = (pattern: RegExp) => words.filter((word) => pattern.test(word)).length;
  const cyrillic = count(CYRILLIC);
  const tajik = count(TAJIK_ONLY);
  // In Tajik prose a quarter to a half of the words carry such letters; Tajik names in Russian prose, a few.
  if (tajik > 0 && tajik > count(RUSSIAN_ONLY) && tajik * 4 >= cyrillic) return 'tg';
  if (cyrillic === 0 && count(LATIN) > 0) return 'en';
  return undefined;
}
