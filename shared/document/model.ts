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
 * … от … № …»): a block in the right part of the page, like the addressee. `cover-title` and `cover` are a
 * dossier's cover page: its title large and centred, and the lines under it (meeting, date, edition) centred.
 */
export const paragraphStyles = ['reference', 'subject', 'salutation', 'body', 'closing', 'annex', 'note', 'annex-heading', 'cover-title', 'cover'] as const;
export type ParagraphStyle = (typeof paragraphStyles)[number];

export const listMarkers = ['dot', 'paren'] as const;
export type ListMarker = (typeof listMarkers)[number];

const image = z.object({ mediaType: z.enum(['image/png', 'image/jpeg']), base64: z.string().max(2_000_000), widthMm: z.number().min(5).max(60) }).strict();
/** An image placed at a width; its height follows from its own proportions. */
export type Image = z.infer<typeof image>;

/** A figure's picture (an evidence thumbnail): up to the text's width. */
const picture = image.extend({ widthMm: z.number().min(5).max(170) });

export const chartKinds = ['bar', 'line', 'grouped-bar'] as const;
export type ChartKind = (typeof chartKinds)[number];

/**
 * A chart as DATA (DESIGN.md §4): one value per x label in each series. The writers draw it with one renderer
 * (electron/documents/charts.ts: Vega-Lite → SVG): vector in the PDF, a PNG of the same SVG in the DOCX. `svg` is
 * that renderer's picture, filled in main (charts.ts `withChartPictures`) before a Doc goes to the preview — the
 * renderer cannot run vega — and never trusted by the PDF and DOCX writers, which draw from the data again.
 */
const chartSchema = z
  .object({
    kind: z.literal('chart'),
    chart: z.enum(chartKinds),
    title: text(300),
    x: z.array(text(100)).min(1).max(200),
    series: z.array(z.object({ name: text(200), values: z.array(z.number().finite().min(0).max(1e9)).max(200) }).strict()).min(1).max(20),
    xTitle: text(200),
    yTitle: text(200),
    svg: z.string().max(1_000_000).optional(),
  })
  .strict()
  .refine((chart) => chart.series.every((series) => series.values.length === chart.x.length), 'one value per x label in each series');

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
  /**
   * The table of contents: its title, then the level-1 and level-2 headings that follow it, each with the page it
   * starts on — computed by the writers (PDF: from its own layout; DOCX: a TOC field holding the same numbers).
   */
  z.object({ kind: z.literal('contents'), title: text(300) }).strict(),
  chartSchema,
  /** A picture (an evidence thumbnail) with its caption under it, one line each; `alt` is read out for it. */
  z.object({ kind: z.literal('figure'), image: picture, alt: text(1000), caption: z.array(text(1000)).max(6) }).strict(),
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
    /**
     * What stands on every page besides the text. Absent (every letter): page numbers from page 2, top centre
     * (GOST R 7.0.97). 'dossier': the classification mark top right on every page, and «page N of M» at the foot of
     * every page except the cover when `cover` (the first page).
     */
    furniture: z.object({ kind: z.literal('dossier'), cover: z.boolean() }).strict().optional(),
  })
  .strict();
export type DocMeta = z.infer<typeof docMetaSchema>;

export const docSchema = z.object({ meta: docMetaSchema, blocks: z.array(blockSchema).max(200_000) }).strict();
export type Doc = z.infer<typeof docSchema>;

/** Plain text of runs, as they read. */
export const runsText = (runs: readonly Run[]) => runs.map((run) => run.text).join('');
export const plain = (value: string): Run[] => [{ text: value }];

export type ChartBlock = Extract<Block, { kind: 'chart' }>;
export type FigureBlock = Extract<Block, { kind: 'figure' }>;

/** A chart's data in words — «title: label value; …» — read out for its picture (PDF Alt, DOCX alt text, preview). */
export function chartDescription(chart: ChartBlock): string {
  const value = (row: number) => chart.series.map((series) => (chart.series.length > 1 ? `${series.name} ${series.values[row]}` : String(series.values[row]))).join(', ');
  return `${chart.title}: ${chart.x.map((label, row) => `${label} ${value(row)}`).join('; ')}`;
}
