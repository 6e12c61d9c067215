import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../../electron/documents/charts.ts';
import { fontFamily } from '../../../shared/document/layout.ts';
import type { ChartBlock } from '../../../shared/document/model.ts';
import { safeSvg, type SvgNode } from '../../../renderer/features/letters/safe-svg.ts';

const window = new Window();
const parse = (markup: string) => new window.DOMParser().parseFromString(markup, 'image/svg+xml') as unknown as Document;
const nodes = (node: SvgNode): SvgNode[] => [node, ...node.children.flatMap((child) => (typeof child === 'string' ? [] : nodes(child)))];
const texts = (node: SvgNode | string): string[] => (typeof node === 'string' ? [node] : node.children.flatMap(texts));
const chart: ChartBlock = { kind: 'chart', chart: 'grouped-bar', title: 'Письма', xTitle: 'Месяц', yTitle: 'Писем', x: ['2026-01', '2026-02'], series: [{ name: 'Отправлено', values: [3, 1] }, { name: 'Получено ответов', values: [0, 1] }] };

describe('a chart SVG drawn inline in the preview', () => {
  it('keeps the real chart: every text in the document’s font, every bar, nothing but allow-listed elements', async () => {
    const markup = await chartSvg(chart);
    const tree = safeSvg(markup, 'p1', parse)!;
    expect(tree.tag).toBe('svg');
    expect(tree.attributes.viewBox).toMatch(/^0 0 \d+ \d+$/);
    const all = nodes(tree);
    const shown = texts(tree);
    for (const label of ['2026-01', '2026-02', 'Месяц', 'Писем', 'Отправлено', 'Получено ответов', '3']) expect(shown).toContain(label);
    for (const text of all.filter((node) => node.tag === 'text')) expect(text.attributes.fontFamily).toBe(fontFamily);
    // Four bars (two months, two series) as paths filled with the palette's colours.
    expect(all.filter((node) => node.tag === 'path' && /^#[0-9a-f]{6}$/.test(node.attributes.fill ?? '')).length).toBeGreaterThanOrEqual(4);
    // Nothing of vega's own classes, roles or events reaches the window.
    for (const node of all) for (const name of Object.keys(node.attributes)) expect(name).not.toMatch(/^(class|className|role|aria|on|style|pointer)/i);
  });

  it('drops scripts, handlers, styles, links, foreign content and outside references; prefixes ids and local references', () => {
    const markup = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">
      <script>alert(2)</script><style>text { fill: red }</style>
      <defs><clipPath id="clip1"><rect width="5" height="5"/></clipPath></defs>
      <g clip-path="url(#clip1)" style="fill:red" class="background"><rect width="10" height="10" fill="url(https://example.org/x.svg#p)" onclick="alert(3)"/></g>
      <a href="javascript:alert(4)"><text>link</text></a>
      <image href="https://example.org/track.png" width="1" height="1"/>
      <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">html</div></foreignObject>
      <use href="#clip1"/>
      <text x="1" y="9" font-family="PT Serif">&lt;b&gt;not markup&lt;/b&gt;</text>
    </svg>`;
    const tree = safeSvg(markup, 'c7', parse)!;
    const all = nodes(tree);
    expect([...new Set(all.map((node) => node.tag))].sort()).toEqual(['clipPath', 'defs', 'g', 'rect', 'svg', 'text']);
    expect(texts(tree)).toEqual(['<b>not markup</b>']);
    const clip = all.find((node) => node.tag === 'clipPath')!;
    expect(clip.attributes.id).toBe('c7-clip1');
    expect(all.find((node) => node.tag === 'g')!.attributes).toEqual({ clipPath: 'url(#c7-clip1)' });
    expect(all.filter((node) => node.tag === 'rect').map((node) => node.attributes)).toEqual([{ width: '5', height: '5' }, { width: '10', height: '10' }]);
    expect(tree.attributes).toEqual({ viewBox: '0 0 10 10' });
  });

  it('markup that is not an SVG gives nothing to draw (the preview shows the data as a table)', () => {
    expect(safeSvg('<html><body>no</body></html>', 'x', parse)).toBeNull();
    expect(safeSvg('<svg><unclosed', 'x', parse)).toBeNull();
  });
});
