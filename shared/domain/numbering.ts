import { z } from 'zod';
import { lineText } from './text.ts';

/**
 * A registration number pattern: literal text and the tokens {prefix}, {index} (the case-file index), {seq} (the
 * yearly sequence; {seq:3} pads it to three digits), {year} and {yy}. Without {seq} numbers would repeat, so such a
 * pattern is refused. Example: `{prefix}-{index}/{seq}` → `01-12/345`.
 */
const TOKEN = /\{(prefix|index|seq(?::(\d))?|year|yy)\}/g;

export const numberingSchemeSchema = z
  .object({
    pattern: lineText(100)
      .min(1)
      .refine((pattern) => [...pattern.matchAll(TOKEN)].filter((m) => m[1]!.startsWith('seq')).length === 1, 'the pattern needs exactly one {seq}')
      .refine((pattern) => !/[{}]/.test(pattern.replace(TOKEN, '')), 'unknown token or stray brace in the pattern'),
    // One line each: they become part of registration numbers, which are one line (shared/domain/text.ts).
    prefix: lineText(20).default(''),
    index: lineText(20).default(''),
  })
  .strict();
export type NumberingScheme = z.infer<typeof numberingSchemeSchema>;

export const DEFAULT_NUMBERING: NumberingScheme = { pattern: '{prefix}-{index}/{seq}', prefix: '01', index: '12' };

export function formatNumber(scheme: NumberingScheme, year: number, seq: number): string {
  return scheme.pattern.replace(TOKEN, (_, token: string, pad?: string) => {
    if (token.startsWith('seq')) return String(seq).padStart(Number(pad ?? 0), '0');
    if (token === 'prefix') return scheme.prefix;
    if (token === 'index') return scheme.index;
    if (token === 'year') return String(year);
    return String(year % 100).padStart(2, '0');
  });
}
