import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The writer fence (ARCHITECTURE.md, "The document engine"): the Doc model is read with a block kind added, as a
 * contributor adding one would write it, and the project is type-checked — electron/ and renderer/ with their own
 * tsconfig, in memory, nothing written. The new kind must fail to compile in the three writers, at their
 * `assertNever`, and nowhere else; without it they compile clean. So a kind cannot be added until every writer
 * draws it.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const MODEL = join(ROOT, 'shared', 'document', 'model.ts');
const WRITERS = ['electron/documents/docx-writer.ts', 'electron/documents/pdf-writer.ts', 'renderer/features/letters/DocPreview.tsx'];

/** model.ts with one more member in the block union, the way a new kind is added. */
function modelWithNewKind(): string {
  const source = readFileSync(MODEL, 'utf8');
  const union = source.indexOf("export const blockSchema = z.discriminatedUnion('kind', [");
  const end = source.indexOf('\n]);', union);
  expect(union >= 0 && end > union, 'the block union in shared/document/model.ts').toBe(true);
  return `${source.slice(0, end)}\n  z.object({ kind: z.literal('fenceProbe'), text: z.string() }).strict(),${source.slice(end)}`;
}

interface Finding {
  file: string;
  line: string;
  message: string;
}

/**
 * Type errors of a project (its tsconfig) reading `model` in place of shared/document/model.ts, and the errors the
 * same files have as the project stands (only those files are checked twice: a full check is the slow part).
 */
function typeErrors(tsconfig: string, model: string): { before: Finding[]; after: Finding[] } {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, tsconfig), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => expect.fail(ts.flattenDiagnosticMessageText(d.messageText, '\n')) });
  if (!config) throw new Error(`cannot read ${tsconfig}`);
  const program = (patched: boolean) => {
    const host = ts.createCompilerHost(config.options);
    const read = host.readFile.bind(host);
    host.readFile = (file) => (patched && file === MODEL ? model : read(file));
    return ts.createProgram({ rootNames: config.fileNames, options: config.options, host });
  };
  const finding = (d: ts.Diagnostic): Finding => {
    const file = d.file ? relative(ROOT, d.file.fileName) : tsconfig;
    const line = d.file && d.start !== undefined ? d.file.text.split('\n')[d.file.getLineAndCharacterOfPosition(d.start).line]!.trim() : '';
    return { file, line, message: ts.flattenDiagnosticMessageText(d.messageText, ' ') };
  };
  const after = ts.getPreEmitDiagnostics(program(true)).map(finding);
  const original = program(false);
  const files = new Set([...after.map((f) => f.file), ...WRITERS]);
  const before = original
    .getSourceFiles()
    .filter((file) => files.has(relative(ROOT, file.fileName)))
    .flatMap((file) => [...original.getSyntacticDiagnostics(file), ...original.getSemanticDiagnostics(file)])
    .map(finding);
  return { before, after };
}

describe('writer fences', () => {
  it('a new block kind fails to compile in exactly the three writers, at their assertNever', () => {
    const patched = modelWithNewKind();
    const before: Finding[] = [];
    const after: Finding[] = [];
    for (const tsconfig of ['electron/tsconfig.json', 'renderer/tsconfig.json']) {
      const errors = typeErrors(tsconfig, patched);
      before.push(...errors.before);
      after.push(...errors.after);
    }
    const key = (f: Finding) => `${f.file}: ${f.line}: ${f.message}`;
    const known = new Set(before.map(key));
    const added = after.filter((f) => !known.has(key(f)));
    // Where the new kind broke the build: the three writers and no other file.
    expect([...new Set(added.map((f) => f.file))].sort(), added.map(key).join('\n')).toEqual(WRITERS);
    for (const finding of added) {
      expect(finding.line, key(finding)).toMatch(/assertNever\(/);
      expect(finding.message, key(finding)).toMatch(/fenceProbe.*not assignable to parameter of type 'never'/);
    }
    // …and the writers compile clean as they are, so the errors above are the new kind's alone.
    expect(before.filter((f) => WRITERS.includes(f.file)).map(key)).toEqual([]);
  });
});
