import type { Language } from '../domain/vault.ts';

/**
 * Typographic spaces every writer applies to every run (PDF, DOCX and the preview call `typeset` alike, so they
 * break lines at the same places): a no-break space (U+00A0) where Russian, Tajik and English typesetting forbid a
 * line break, and a zero-width space (U+200B, a break opportunity that draws nothing) after each slash of a URL, so
 * a URL breaks only there. Only ordinary spaces (U+0020) are changed: line breaks and tabs stay.
 */
export const NBSP = '\u00A0';
export const ZWSP = '\u200B';
/**
 * A hyphen no line may break after (U+2011): in numbers («01-12/7», «221-70-90», «2024-2025»), between a number and
 * a word («5-летний», "COVID-19") and anywhere in the token after «№» or "No.". The DOCX writes it as Word's
 * `w:noBreakHyphen`; the PDF draws it as an ordinary hyphen, so the text reads as typed.
 */
export const NO_BREAK_HYPHEN = '\u2011';

/** A web address or e-mail: never hyphenated, broken only after a slash. */
export const urlPattern = /(?:\bhttps?:\/\/|\bwww\.)[^\s«»"<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

const UPPER = 'A-ZА-ЯЁҒӢҚӮҲҶ';
const LOWER = 'a-zа-яёғӣқӯҳҷ';
/** An initial: a capital, maybe a second lowercase letter (Sh., Дж.), and a full stop. */
const INITIAL = `[${UPPER}][${LOWER}]?\\.`;

/** One-letter words that must not end a line (prepositions, conjunctions, pronouns), per language. */
const oneLetterWords: Record<Language, string> = {
  ru: 'вксуоиаяВКСУОИАЯ',
  // Tajik has few one-letter words: ё 'or' and у 'he, she'. The prepositions (ба, дар, аз) are longer.
  tg: 'ёуЁУ',
  en: 'aAI',
};

/** Words after which a number is bound: «№ 5», «ст. 9», «п. 3», «г. 2024», «No. 7», «Art. 9». */
const BEFORE_NUMBER = ['№', 'ст\\.', 'п\\.', 'пп\\.', 'ч\\.', 'г\\.', 'No\\.', 'Art\\.', 'p\\.', 'para\\.'].join('|');
/** Abbreviations that stand after a number they belong to: «2024 г.», «2024 с.» (Tajik сол), «10 км». */
const AFTER_NUMBER = ['г\\.', 'гг\\.', 'с\\.'].join('|');
const MONTHS_EN = 'January|February|March|April|May|June|July|August|September|October|November|December';

/** A rule marked 'page-only' binds in the body of a page but not in a narrow table cell (`Setting`). */
const rules: readonly (readonly [RegExp, string] | readonly [RegExp, string, 'page-only'])[] = [
  // «№ 01-12/7», «ст. 9», «п. 3»: the sign and its number stay together.
  [new RegExp(`(?<!\\p{L})(${BEFORE_NUMBER}) (?=\\d)`, 'gu'), `$1${NBSP}`],
  // Initials and surname: «Т.Н. Москалькова», «Т. Н. Москалькова», «U. Sh. Salimzoda».
  [new RegExp(`(?<!\\p{L})(${INITIAL}) (?=[${UPPER}])`, 'gu'), `$1${NBSP}`],
  // Surname and the initials after it: «Москальковой Т.Н.», «Ивановой Т. Н.».
  // (Initials that a name follows belong to it instead, by the rule above; «No.» is not an initial.)
  [new RegExp(`(\\p{L}{2}) (?=(?!No\\.)${INITIAL}(?:[ ${NBSP}]?${INITIAL})?(?![\\p{L}]|[ ${NBSP}][${UPPER}]))`, 'gu'), `$1${NBSP}`],
  // A dash never starts a line.
  [/ (?=[—–])/g, NBSP],
  // A number and the word it counts or measures: «30 дней», «5 km», «15 марта», «41 человек».
  [new RegExp(`(\\d) (?=[${LOWER}])`, 'gu'), `$1${NBSP}`],
  // A day and an English month, a month and its year: «15 March», «марта 2024», «March 2024».
  [new RegExp(`(\\d) (?=(?:${MONTHS_EN})\\b)`, 'gu'), `$1${NBSP}`],
  [new RegExp(`(\\p{L}) (?=\\d{4}(?:[^\\d]|$))`, 'gu'), `$1${NBSP}`, 'page-only'],
  // A year and its abbreviation: «2024 г.», «2024 с.».
  [new RegExp(`(\\d) (?=(?:${AFTER_NUMBER})(?!\\p{L}))`, 'gu'), `$1${NBSP}`],
  // Groups of digits (phone numbers, «10 000»): one unbreakable number.
  [/(\d) (?=\d)/g, `$1${NBSP}`],
];

/** Hyphens that bind: between two characters one of which is a digit, and in the token after «№» / "No.". */
const numberHyphen = /(?<=\d)-(?=[\p{L}\d])|(?<=[\p{L}\d])-(?=\d)/gu;
const numberToken = new RegExp(`((?:№|No\\.)[ ${NBSP}]?)([^\\s${NBSP}]+)`, 'gu');

/**
 * Where the text is set: the body of a page, or a narrow table cell. In a cell a date may break between its month
 * and year ("3 March / 2024"): bound together, a date wider than the cell would be cut between its digits, as Word
 * and LibreOffice cut a word wider than a line.
 */
export type Setting = 'page' | 'cell';

/**
 * Text with its no-break and zero-width spaces and no-break hyphens in place, for `language`'s one-letter words.
 * The month-and-year rule binds any word to a following four-digit number: «марта 2024» is common, and a word before
 * a year is as good a place as any not to break.
 */
export function typeset(text: string, language: Language, setting: Setting = 'page'): string {
  let out = text.replace(urlPattern, breakAtSlashes);
  for (const [pattern, replacement, only] of rules) if (!(only === 'page-only' && setting === 'cell')) out = replaceOutsideUrls(out, pattern, replacement);
  out = replaceOutsideUrls(out, numberHyphen, NO_BREAK_HYPHEN);
  out = replaceOutsideUrls(out, numberToken, (_match: string, sign: string, token: string) => sign + token.replaceAll('-', NO_BREAK_HYPHEN));
  const letters = oneLetterWords[language];
  // Twice: in «и в 2024» both «и» and «в» bind, and the matches would overlap.
  const oneLetter = new RegExp(`(^|[\\s(«"„${NBSP}])([${letters}]) `, 'gu');
  for (let pass = 0; pass < 2; pass += 1) out = replaceOutsideUrls(out, oneLetter, `$1$2${NBSP}`);
  return out;
}

/** After each slash of a URL but the scheme's and the last character: a place to break that draws nothing. */
function breakAtSlashes(url: string): string {
  if (url.includes('@') && !url.includes('/')) return url;
  let out = '';
  for (let i = 0; i < url.length; i += 1) {
    out += url[i];
    const scheme = url[i - 1] === '/' && url[i - 2] === ':';
    if (url[i] === '/' && url[i + 1] !== '/' && !scheme && i < url.length - 1 && url[i + 1] !== ZWSP) out += ZWSP;
  }
  return out;
}

/** A replacement applied to the text between URLs only, so no rule touches an address. */
type Replacement = string | ((match: string, ...groups: string[]) => string);
const replaceIn = (text: string, pattern: RegExp, replacement: Replacement) => (typeof replacement === 'string' ? text.replace(pattern, replacement) : text.replace(pattern, replacement));

function replaceOutsideUrls(text: string, pattern: RegExp, replacement: Replacement): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    out += replaceIn(text.slice(last, match.index), pattern, replacement) + match[0];
    last = match.index + match[0].length;
  }
  return out + replaceIn(text.slice(last), pattern, replacement);
}
