import { z } from 'zod';
import { languageSchema } from '../domain/vault.ts';

/**
 * The document model every writer draws from: a small closed vocabulary of blocks with semantic styles. Templates
 * build it (letters, the recovery sheet), staff edit its text, the registry freezes it, and the DOCX, PDF and preview
 * writers each render it with one exhaustive switch over `kind` ending in `assertNever` — a new kind does not compile
 * until all three draw it (test/integration/writer-fences.test.ts) — taking every measure from `layout.ts`.
 */

// eslint-disable-next-line no-control-regex -- text may not carry control characters (tabs and newlines are fine)
const text = (max: number) => z.string().max(max).regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/);

/** A stretch of text with one emphasis. */
export const runSchema = z.object({ text: text(20_000), bold: z.boolean().optional(), italic: z.boolean().optional() }).strict();
export type Run = z.infer<typeof runSchema>;

/**
 * `annex-heading` is the mark on an annex's first page, top right, as GOST R 7.0.97 places it («Приложение к письму
 * … от … № …»): a block in the right part of the page, like the addressee.
 */
export const paragraphStyles = ['reference', 'subject', 'salutation', 'body', 'closing', 'annex', 'note', 'annex-heading'] as const;
export type ParagraphStyle = (typeof paragraphStyles)[number];

export const listMarkers = ['dot', 'paren'] as const;
export type ListMarker = (typeof listMarkers)[number];

const image = z.object({ mediaType: z.enum(['image/png', 'image/jpeg']), base64: z.string().max(2_000_000), widthMm: z.number().min(5).max(60) }).strict();
/** An image placed at a width; its height follows from its own proportions. */
export type Image = z.infer<typeof image>;

export const blockSchema = z.discriminatedUnion('kind', [
  /** The office's letterhead: emblem, name, address lines — centred at the top of the first page. */
  z.object({ kind: z.literal('letterhead'), emblem: image.nullable(), lines: z.array(text(500)).max(8) }).strict(),
  /** The addressee block, top right: position and name in the dative, one line each. */
  z.object({ kind: z.literal('addressee'), lines: z.array(text(600)).min(1).max(12) }).strict(),
  z.object({ kind: z.literal('paragraph'), style: z.enum(paragraphStyles), runs: z.array(runSchema).max(200) }).strict(),
  z.object({ kind: z.literal('heading'), level: z.union([z.literal(1), z.literal(2)]), text: text(1000) }).strict(),
  /**
   * A numbered (or bulleted) list; each item is a paragraph of runs. `marker` is the number's form: 'dot' «1.»
   * (items start with a capital and end with «.»; the default) or 'paren' «1)» (lowercase items ending with «;»).
   */
  z.object({ kind: z.literal('list'), ordered: z.boolean(), marker: z.enum(listMarkers).optional(), items: z.array(z.array(runSchema).max(200)).max(5000) }).strict(),
  z.object({ kind: z.literal('table'), header: z.array(text(300)).min(1).max(8), rows: z.array(z.array(text(5000))).max(5000), widths: z.array(z.number().positive()).max(8) }).strict(),
  /** Position on the left, initials and surname on the right, on one line. */
  z.object({ kind: z.literal('signature'), position: z.array(text(300)).min(1).max(4), name: text(200) }).strict(),
  /** The executor's name and phone: bottom left of the last page, in a smaller size. */
  z.object({ kind: z.literal('executor'), lines: z.array(text(300)).min(1).max(3) }).strict(),
  z.object({ kind: z.literal('pageBreak') }).strict(),
  /** Characters to be copied by hand, such as the recovery key: large, spaced apart, one line each. */
  z.object({ kind: z.literal('key'), lines: z.array(text(100)).min(1).max(8) }).strict(),
]);
export type Block = z.infer<typeof blockSchema>;

export const docMetaSchema = z
  .object({
    language: languageSchema,
    title: text(1000),
    /** Registration number and date; null on a draft. */
    number: text(100).nullable(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    classification: text(200).nullable(),
  })
  .strict();
export type DocMeta = z.infer<typeof docMetaSchema>;

export const docSchema = z.object({ meta: docMetaSchema, blocks: z.array(blockSchema).max(20_000) }).strict();
export type Doc = z.infer<typeof docSchema>;

/** Plain text of runs, as they read. */
export const runsText = (runs: readonly Run[]) => runs.map((run) => run.text).join('');
export const plain = (value: string): Run[] => [{ text: value }];
