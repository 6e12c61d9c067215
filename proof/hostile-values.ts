import fc from 'fast-check';

/**
 * Values a hostile or broken file, sheet or window may hold. Every generated text carries CANARY, so a check can
 * prove no error message quotes what it was given: messages name places (a JSON path, a row and column, a field),
 * never values.
 */
export const CANARY = 'ĸanary';

const awkward = [
  '', ' ', '\t', '\n', '\r\n', '\u0000', '\u0007', '\u001b[31m', '\u007f', '\u202e', '\u200b', '\ufeff', '\ud800', '\udfff', '𝕏', '👩‍👩‍👧',
  '=cmd|" /C calc"!A0', '+1+1', '-2', '@SUM(A1)', '=HYPERLINK("x")', '"', "'", ',', ';', '\\', '</t>', '<![CDATA[', '&amp;', '${x}', '%s', '../..',
  'null', 'true', '0', '-0', '1e309', 'NaN', '2024-02-30', '2024-13-01', '0000-00-00', '9999-12-31', '1899-12-31', '31.12.2024', '2024-1-1', '2024-03', '45000',
];

/** Text: awkward fragments, arbitrary Unicode and the canary, joined. */
export const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...awkward), fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ maxLength: 30 })), { maxLength: 5 })
  .map((parts) => `${parts.join('')}${CANARY}`);

/** Numbers at the edges. */
export const hostileNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 2 ** 31, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, Number.MIN_VALUE, 1e21, 0.1, 1899, 45_000, 2_958_466),
  fc.double(),
  fc.integer(),
);

/** Dates that are almost right. */
export const hostileDate = fc.oneof(
  fc.constantFrom('2024-02-29', '2023-02-29', '2024-04-31', '1900-01-01', '1899-12-31', '2999-01-01', '2024-03-11T00:00:00Z', '11.03.2024', '2024/03/11', '2024-03'),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
);

/** Any JSON-ish value a field might be given instead of the right one. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileText },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 2, arbitrary: hostileDate },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { '': 1 }) },
  { weight: 1, arbitrary: fc.array(hostileText, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** Whether a message quotes a generated value. */
export const quotesInput = (text: string | undefined) => text !== undefined && text.includes(CANARY);

/** How the generated cases ended (imported, refused with problems, refused whole by code; IPC ok or the code). */
export const outcomes = new Map<string, number>();
export const outcome = (key: string) => void outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
