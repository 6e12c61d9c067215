import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect } from 'vitest';

/**
 * Golden files: a writer's output in a reviewable form, committed under test/golden/<writer>/. A test compares the
 * output to its golden and fails with a line diff; `UPDATE_GOLDEN=1` rewrites the goldens instead, so an intended
 * change is accepted by reviewing `git diff test/golden` (CONTRIBUTING.md, "Golden files").
 */
export const GOLDEN_DIR = join(import.meta.dirname, '..', 'golden');
const updating = process.env.UPDATE_GOLDEN === '1';

export function expectGolden(path: string, actual: string): void {
  const file = join(GOLDEN_DIR, path);
  if (updating) {
    mkdirSync(dirname(file), { recursive: true });
    if (!existsSync(file) || readFileSync(file, 'utf8') !== actual) writeFileSync(file, actual);
    return;
  }
  const name = relative(process.cwd(), file);
  if (!existsSync(file)) expect.fail(`${name} is missing; write it with UPDATE_GOLDEN=1 npx vitest run test/integration/golden.test.ts`);
  const expected = readFileSync(file, 'utf8');
  if (expected !== actual) expect.fail(`${name} differs from the output (- golden, + now); if intended: UPDATE_GOLDEN=1\n${lineDiff(expected, actual)}`);
}

/** A unified-style diff of two texts by lines, three lines of context, with line numbers of the golden. */
export function lineDiff(before: string, after: string, context = 3): string {
  const a = before.split('\n');
  const b = after.split('\n');
  // Longest common subsequence table from the ends; goldens are a few thousand lines at most.
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i -= 1) for (let j = b.length - 1; j >= 0; j -= 1) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: { kind: ' ' | '-' | '+'; line: string; at: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i]!, at: i + 1 });
      i += 1;
      j += 1;
    } else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      ops.push({ kind: '-', line: a[i]!, at: i + 1 });
      i += 1;
    } else {
      ops.push({ kind: '+', line: b[j]!, at: i });
      j += 1;
    }
  }
  const shown = new Set<number>();
  ops.forEach((op, index) => {
    if (op.kind !== ' ') for (let k = index - context; k <= index + context; k += 1) shown.add(k);
  });
  const out: string[] = [];
  ops.forEach((op, index) => {
    if (!shown.has(index)) return;
    if (!shown.has(index - 1)) out.push(`@@ golden line ${op.at} @@`);
    out.push(`${op.kind} ${op.line}`);
  });
  return out.join('\n');
}

const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<[^>]+>|[^<]+/g;

/**
 * XML or HTML one element per line, indented, so a diff names the element that changed. Only line breaks and
 * indentation are added between tags; tags and text keep every character (an element holding only text stays on
 * one line). Tags longer than a line get one attribute per line (the namespace lists of Word's parts).
 */
export function prettyMarkup(markup: string): string {
  const tokens = markup.match(TOKEN) ?? [];
  const lines: string[] = [];
  let depth = 0;
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    const pad = '  '.repeat(depth);
    const isOpen = token.startsWith('<') && !token.startsWith('</') && !token.startsWith('<?') && !token.startsWith('<!') && !token.endsWith('/>');
    const text = tokens[index + 1];
    const close = tokens[index + 2];
    if (isOpen && text !== undefined && !text.startsWith('<') && close?.startsWith('</')) {
      lines.push(pad + wrapTag(token, pad) + text + close);
      index += 2;
    } else if (token.startsWith('</')) {
      depth -= 1;
      lines.push('  '.repeat(depth) + token);
    } else {
      lines.push(pad + (token.startsWith('<') ? wrapTag(token, pad) : token));
      if (isOpen) depth += 1;
    }
  }
  return `${lines.join('\n')}\n`;
}

function wrapTag(tag: string, pad: string): string {
  if (tag.length <= 160) return tag;
  const [head, ...attributes] = tag.match(/^<[^\s>/]+|\s+[^\s=]+="[^"]*"|\s*\/?>$/g) ?? [tag];
  return [head, ...attributes.map((part) => part.trim())].join(`\n${pad}    `);
}
