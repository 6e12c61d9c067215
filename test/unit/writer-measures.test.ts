import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The writers take every measure from shared/document/layout.ts: eslint.config.js forbids numbers other than -1, 0,
// 1 and 2 in the writers' files (no-magic-numbers: the PDF's and DOCX's files, the chart renderer, the preview), so a
// spacing, rule weight or type size written into a writer fails lint. Proved here on code that writes one, at each
// writer's path — the split-off files included.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WRITERS = [
  'electron/documents/pdf-writer.ts',
  'electron/documents/docx-writer.ts',
  'renderer/features/letters/DocPreview.tsx',
  'electron/documents/pdf-flow.ts',
  'electron/documents/pdf-lines.ts',
  'electron/documents/pdf-table.ts',
  'electron/documents/pdf-dossier.ts',
  'electron/documents/docx-styles.ts',
  'electron/documents/docx-dossier.ts',
  'electron/documents/charts.ts',
];
const RULE = '@typescript-eslint/no-magic-numbers';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function ruleHits(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  expect(result!.messages.filter((message) => message.fatal), JSON.stringify(result!.messages)).toEqual([]);
  return result!.messages.filter((message) => message.ruleId === RULE).map((message) => message.message);
}

const measures = `export const rule = (y: number) => ({ y: y + 4, width: 0.6, border: { size: 6 }, pad: -3 });\n`;

describe('writer measures come from the layout module', () => {
  it('fails a number written into any writer file, in arithmetic and in option objects', async () => {
    const flagged = ['4', '0.6', '6', '-3'].map((n) => expect.stringMatching(new RegExp(`^No magic number: ${n.replace('.', '\\.')}\\.?$`)));
    for (const writer of WRITERS) expect(await ruleHits(writer, measures), writer).toEqual(flagged);
  });

  it('lets 0, 1 and 2 pass (counting, halving, the first item), and numbers in the layout module itself', async () => {
    expect(await ruleHits(WRITERS[0]!, `export const f = (xs: number[], w: number) => ({ first: xs[0], next: xs.length + 1, half: w / 2, none: 0 });\n`)).toEqual([]);
    expect(await ruleHits('shared/document/layout.ts', measures)).toEqual([]);
  });

  it('finds none in the writers as they are', async () => {
    const results = await eslint.lintFiles(WRITERS.map((writer) => `${ROOT}${writer}`));
    expect(results.flatMap((result) => result.messages.map((message) => `${result.filePath}:${message.line} ${message.message}`))).toEqual([]);
  });
});
