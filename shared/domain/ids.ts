import { z } from 'zod';

/** The longest id the app accepts (ids are chosen by interchange files and registers, or generated). */
export const MAX_ID_LENGTH = 100;

/**
 * Printable ids: no control characters (C0, DEL, C1), no format characters (bidi controls such as U+202E, zero-width
 * characters, BOM), no lone surrogates, no line or paragraph separators, and no whitespace at either end. Ids are
 * printed by the CLI, matched across files and shown in lists; an invisible or reordering character would let two
 * different ids look the same, or let a file rewrite the terminal it is listed in.
 */
const ID_PATTERN = /^[^\p{Cc}\p{Cf}\p{Cs}\p{Z}](?:[^\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]*[^\p{Cc}\p{Cf}\p{Cs}\p{Z}])?$/u;

/** A record id (incident, person, place, counterpart, letter, signatory) and every reference to one. */
export const recordIdSchema = z
  .string()
  .min(1)
  .max(MAX_ID_LENGTH)
  .regex(ID_PATTERN, 'an id must be printable: no control or invisible characters, no spaces at either end');

export const isPrintableId = (value: string): boolean => recordIdSchema.safeParse(value).success;
