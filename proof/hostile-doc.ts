import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { renderDocx } from '../electron/documents/docx-writer.ts';
import { renderPdf } from '../electron/documents/pdf-writer.ts';
import { docSchema, paragraphStyles, type Doc } from '../shared/document/model.ts';
import { hostileValue } from './hostile-values.ts';

// Text the schema accepts: anything but control characters other than tab and newline (emoji, bidi, Arabic…).
// eslint-disable-next-line no-control-regex -- the schema's own rule
const allowed = (text: string) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text);
const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: Math.min(max, 60) }).filter(allowed);
const runs = fc.array(fc.record({ text: text(200), bold: fc.option(fc.boolean(), { nil: undefined }), italic: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ['text'] }), { maxLength: 4 });

const block = fc.oneof(
  fc.record({ kind: fc.constant('letterhead' as const), emblem: fc.constant(null), lines: fc.array(text(500), { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('addressee' as const), lines: fc.array(text(600), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('paragraph' as const), style: fc.constantFrom(...paragraphStyles), runs }),
  fc.record({ kind: fc.constant('heading' as const), level: fc.constantFrom(1 as const, 2 as const), text: text(1000) }),
  fc.record({ kind: fc.constant('list' as const), ordered: fc.boolean(), items: fc.array(runs, { maxLength: 4 }) }),
  fc.integer({ min: 1, max: 4 }).chain((columns) =>
    fc.record({
      kind: fc.constant('table' as const),
      header: fc.array(text(300), { minLength: columns, maxLength: columns }),
      rows: fc.array(fc.array(text(300), { minLength: columns, maxLength: columns }), { maxLength: 4 }),
      widths: fc.array(fc.double({ min: 0.5, max: 100, noNaN: true }), { minLength: columns, maxLength: columns }),
    }),
  ),
  fc.record({ kind: fc.constant('signature' as const), position: fc.array(text(300), { minLength: 1, maxLength: 2 }), name: text(200) }),
  fc.record({ kind: fc.constant('executor' as const), lines: fc.array(text(300), { minLength: 1, maxLength: 3 }) }),
  fc.constant({ kind: 'pageBreak' as const }),
);

export const validDoc: fc.Arbitrary<Doc> = fc.record({
  meta: fc.record({
    language: fc.constantFrom('ru' as const, 'tg' as const, 'en' as const),
    title: text(1000),
    number: fc.option(text(100), { nil: null }),
    date: fc.option(fc.constantFrom('2025-01-10', '2024-02-29'), { nil: null }),
    classification: fc.option(text(200), { nil: null }),
  }),
  blocks: fc.array(block, { maxLength: 8 }),
}) as fc.Arbitrary<Doc>;

/** A valid Doc with one value somewhere replaced by something hostile. */
const brokenDoc = fc.tuple(validDoc, fc.nat(), hostileValue).map(([doc, pick, value]) => {
  const copy = structuredClone(doc) as unknown as { meta: Record<string, unknown>; blocks: Record<string, unknown>[] };
  const targets: [Record<string, unknown>, string][] = [...Object.keys(copy.meta).map((key) => [copy.meta, key] as [Record<string, unknown>, string]), ...copy.blocks.flatMap((b) => Object.keys(b).map((key) => [b, key] as [Record<string, unknown>, string]))];
  const [object, key] = targets[pick % targets.length]!;
  object[key] = value;
  return copy;
});

export function docProperties(): { name: string; property: fc.IAsyncProperty<[unknown]>; runsScale?: number }[] {
  return [
    {
      name: 'Doc schema: arbitrary and nearly valid values are refused by path, never thrown',
      property: fc.asyncProperty(fc.oneof(fc.anything(), brokenDoc), async (value) => {
        const parsed = docSchema.safeParse(value);
        if (!parsed.success && parsed.error.issues.some((issue) => !Array.isArray(issue.path))) throw new Error('an issue without a path');
      }) as fc.IAsyncProperty<[unknown]>,
    },
    {
      name: 'Doc schema: valid documents parse and survive JSON unchanged',
      property: fc.asyncProperty(validDoc, async (doc) => {
        const parsed = docSchema.safeParse(JSON.parse(JSON.stringify(doc)));
        if (!parsed.success) throw new Error(`a valid Doc was refused at ${parsed.error.issues[0]?.path.join('.')}`);
        if (!isDeepStrictEqual(JSON.parse(JSON.stringify(parsed.data)), JSON.parse(JSON.stringify(doc)))) throw new Error('the Doc changed through JSON');
      }) as fc.IAsyncProperty<[unknown]>,
    },
    {
      name: 'Doc writers: valid documents render as PDF and DOCX',
      runsScale: 0.1,
      property: fc.asyncProperty(validDoc, async (doc) => {
        const [pdf, docx] = await Promise.all([renderPdf(doc), renderDocx(doc, 'proof')]);
        if (!pdf.subarray(0, 5).equals(Buffer.from('%PDF-')) || !docx.subarray(0, 2).equals(Buffer.from('PK'))) throw new Error('a writer returned something else');
      }) as fc.IAsyncProperty<[unknown]>,
    },
  ];
}
