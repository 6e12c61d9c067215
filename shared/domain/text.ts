import { z } from 'zod';

/**
 * Free text from staff and from imported files: any script, but no control characters other than tab, newline and
 * carriage return (no NUL, ESC, DEL or C1 codes, which would corrupt documents and terminals) and no lone surrogates
 * (half of a character, which no document can show). Bidi marks are text in Arabic or Hebrew names and stay; the CLI
 * escapes them when it prints (electron/cli/printable.ts), and the letter writers drop them.
 */
const MULTILINE_TEXT = /^(?:[\t\n\r]|[^\p{Cc}\p{Cs}])*$/u;
/** One line (titles, names, numbers): no control characters at all, no line or paragraph separators. */
const ONE_LINE_TEXT = /^[^\p{Cc}\p{Cs}\u2028\u2029]*$/u;

/** Multi-line free text of at most `max` UTF-16 units (descriptions, addresses, references). */
export const safeText = (max: number) => z.string().max(max).regex(MULTILINE_TEXT, 'control characters other than tab and newline are not allowed');

/** One line of text of at most `max` UTF-16 units (titles, names, registration numbers). */
export const lineText = (max: number) => z.string().max(max).regex(ONE_LINE_TEXT, 'one line of text: no line breaks, tabs or control characters');

/** True when a string holds half of a surrogate pair (a `\ud800` escape in JSON decodes to one). */
export const hasLoneSurrogate = (value: string): boolean => /\p{Cs}/u.test(value);
