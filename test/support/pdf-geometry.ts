import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp.ts';

/**
 * What a PDF shows, as text a reviewer can read and a diff can point into: per page its size, every word with its
 * box (poppler's pdftotext -bbox-layout) and every rule, frame and image the content streams draw (qpdf's QDF form,
 * read below), in points from the top-left corner, rounded to 0.1 pt. The bytes are deterministic too, but a golden
 * of bytes could not be reviewed.
 */
export function pdfGeometry(pdf: Buffer): string {
  const dir = tempDir('ombuds-golden-');
  const path = join(dir, 'doc.pdf');
  const qdf = join(dir, 'doc.qdf.pdf');
  writeFileSync(path, pdf);
  run('qpdf', ['--qdf', '--object-streams=disable', path, qdf]);
  const html = run('pdftotext', ['-bbox-layout', path, '-']);
  const drawings = contentStreams(readFileSync(qdf, 'latin1'));
  const out: string[] = [];
  const pages = [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)];
  pages.forEach((page, index) => {
    const height = Number(page[2]);
    out.push(`page ${index + 1}\t${r(Number(page[1]))} × ${r(height)}`);
    for (const word of page[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      out.push(['word', r(Number(word[1])), r(Number(word[2])), r(Number(word[3])), r(Number(word[4])), unescapeXml(word[5]!)].join('\t'));
    }
    for (const shape of drawShapes(drawings[index] ?? '', height)) out.push(shape);
  });
  return `kind\tx0\ty0\tx1\ty1\t(text | stroke width | image)\n${out.join('\n')}\n`;
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  if (result.status !== 0 && !(command === 'qpdf' && result.status === 3)) throw new Error(`${command} failed: ${result.stderr}`);
  return result.stdout;
}

const r = (value: number) => {
  const rounded = Math.round(value * 10) / 10;
  return (Object.is(rounded, -0) ? 0 : rounded).toFixed(1);
};
const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The decoded content stream of each page, in page order (QDF marks each with "%% Contents for page N"). */
function contentStreams(qdf: string): string[] {
  const streams: string[] = [];
  for (const match of qdf.matchAll(/%% Contents for page (\d+)\n(?:%%[^\n]*\n)*\d+ 0 obj\n[\s\S]*?\nstream\n([\s\S]*?)\nendstream/g)) {
    const page = Number(match[1]) - 1;
    streams[page] = (streams[page] ?? '') + match[2]!;
  }
  return streams;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number) => ({ x: m[0] * x + m[2] * y + m[4], y: m[1] * x + m[3] * y + m[5] });

const CONTENT_TOKEN = /%[^\n]*|\((?:\\[\s\S]|[^\\)])*\)|<<|>>|<[0-9A-Fa-f\s]*>|\[|\]|\/[^\s/[\]()<>{}%]+|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"*]+/g;

/**
 * Rules, frames and images from a page's content stream: paths are collected (m, l, re) and reported when
 * stroked or filled, with the line width; an image is the unit square through the current matrix. Text objects
 * (BT … ET) are skipped: their words come from pdftotext.
 */
function drawShapes(stream: string, pageHeight: number): string[] {
  const shapes: string[] = [];
  const stack: { ctm: Matrix; width: number }[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let lineWidth = 1;
  let operands: string[] = [];
  let path: { x: number; y: number }[][] = [];
  let inText = false;
  const point = (x: number, y: number) => {
    const p = apply(ctm, x, y);
    return { x: p.x, y: pageHeight - p.y };
  };
  const nums = () => operands.map(Number);
  for (const [token] of stream.matchAll(CONTENT_TOKEN)) {
    if (token.startsWith('%')) continue;
    if (!/^[A-Za-z'"*]+$/.test(token)) {
      operands.push(token);
      continue;
    }
    const op = token;
    if (op === 'BT') inText = true;
    else if (op === 'ET') inText = false;
    else if (inText) {
      // text state and showing: not geometry drawn by paths
    } else if (op === 'q') stack.push({ ctm, width: lineWidth });
    else if (op === 'Q') ({ ctm, width: lineWidth } = stack.pop() ?? { ctm, width: lineWidth });
    else if (op === 'cm') ctm = multiply(nums() as Matrix, ctm);
    else if (op === 'w') lineWidth = nums()[0]!;
    else if (op === 'm') path.push([point(nums()[0]!, nums()[1]!)]);
    else if (op === 'l') path.at(-1)?.push(point(nums()[0]!, nums()[1]!));
    else if (op === 're') {
      const [x, y, w, h] = nums() as [number, number, number, number];
      path.push([point(x, y), point(x + w, y), point(x + w, y + h), point(x, y + h), point(x, y)]);
    } else if (['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*'].includes(op)) {
      const kind = op === 'S' || op === 's' ? `stroke ${lineWidth.toFixed(2)}` : 'fill';
      for (const points of path) shapes.push(describePath(points, kind));
      path = [];
    } else if (op === 'n') path = [];
    else if (op === 'Do') {
      const corners = [point(0, 0), point(1, 0), point(0, 1), point(1, 1)];
      const xs = corners.map((c) => c.x);
      const ys = corners.map((c) => c.y);
      shapes.push(['image', r(Math.min(...xs)), r(Math.min(...ys)), r(Math.max(...xs)), r(Math.max(...ys)), operands[0] ?? ''].join('\t'));
    }
    operands = [];
  }
  return shapes;
}

/** A straight segment as "line", a closed axis-aligned box as "rect", anything else as its points. */
function describePath(points: { x: number; y: number }[], kind: string): string {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const box = [r(Math.min(...xs)), r(Math.min(...ys)), r(Math.max(...xs)), r(Math.max(...ys))];
  if (points.length === 2) return ['line', r(points[0]!.x), r(points[0]!.y), r(points[1]!.x), r(points[1]!.y), kind].join('\t');
  if (points.length === 5 && new Set(xs.map(r)).size <= 2 && new Set(ys.map(r)).size <= 2) return ['rect', ...box, kind].join('\t');
  return ['path', ...box, `${kind} ${points.map((p) => `${r(p.x)},${r(p.y)}`).join(' ')}`].join('\t');
}
