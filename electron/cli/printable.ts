/**
 * What the CLI prints from data or files goes through here. A title, an id, a file name or a header may hold ESC
 * sequences that recolour, move the cursor or retitle the terminal, a carriage return that overwrites the line,
 * or bidi controls (U+202E) that show text in a different order than it is: each is shown as a `\u001b`-style
 * escape instead, so the terminal shows what is stored and one record stays one line. Backslashes are printed as
 * they are (the output is for reading, not for parsing back; `--json` is for that).
 */

/** Control characters (C0, DEL, C1), bidi controls, lone surrogates, line and paragraph separators. */
const UNSAFE = /[\p{Cc}\p{Cs}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu;

const escape = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One value from data or a file, safe to write to a terminal. */
export function printable(value: string | number | null | undefined): string {
  return String(value ?? '').replace(UNSAFE, escape);
}

/** Tab-separated fields from data, each made printable (a tab inside a field would shift the columns). */
export const printableRow = (fields: readonly (string | number | null | undefined)[]): string => fields.map(printable).join('\t');

/** What JSON.stringify leaves raw inside strings: DEL, C1, bidi controls, line and paragraph separators. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/**
 * JSON for `--json`. JSON.stringify escapes C0 and lone surrogates (its own line breaks are the only raw ones); the
 * rest can only occur inside strings, where a `\uXXXX` escape keeps the JSON valid and equal when parsed.
 */
export function printableJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, escape);
}
