import { Resvg } from '@resvg/resvg-js';
import { parse, resetSVGDefIds, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { chartLook, fontFamily, mmToPx, ptToPx } from '../../shared/document/layout.ts';
import type { ChartBlock, Doc } from '../../shared/document/model.ts';
import { fontPath } from './fonts.ts';
import { safeText } from './safe-text.ts';

/**
 * The one chart renderer (DESIGN.md §4): a chart block's DATA → a Vega-Lite spec → SVG, drawn by vega in Node with
 * no canvas (text widths are vega's estimate, so the same data gives the same SVG on every machine). The PDF draws
 * this SVG as vector paths and text (pdf-chart.ts), the DOCX embeds a PNG rasterized from it by resvg with the
 * document's own font, and the preview draws it inline from an allow-listed tree (the Doc's `svg`, filled by
 * `withChartPictures`; renderer/features/letters/safe-svg.ts) so its text is in the document's font too.
 */

/** Colours for the series, in order: dark enough on white for print and for grey-scale copies. */
const PALETTE = ['#1f4e79', '#c55a11', '#548235', '#7f6000', '#7030a0', '#2f5597'];

/** Where a wrapped label's lines meet (vega's labelExpr splits it there). */
const LINE = '|';
/** A label in lines of at most `width` characters, broken at spaces; a word longer than that stands alone. */
function wrap(label: string, width: number): string {
  const lines: string[] = [];
  for (const word of label.replaceAll(LINE, '/').split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join(LINE);
}

/** The spec: categories in the Doc's order (never sorted), a count over each bar or point, one colour per series. */
export function chartSpec(block: ChartBlock): TopLevelSpec {
  // Text the font cannot show becomes «?» here, as in every writer: the SVG's text is drawn in PT Serif.
  const chart = { ...block, title: safeText(block.title), xTitle: safeText(block.xTitle), yTitle: safeText(block.yTitle), x: block.x.map(safeText), series: block.series.map((series) => ({ ...series, name: safeText(series.name) })) };
  // Every label whole and level (never cut short with «…», never slanted — slanted text reads badly in print and in
  // text extraction): a long label is wrapped on spaces into lines that fit its share of the width.
  const perLabel = Math.max(chartLook.labelMinChars, Math.floor((mmToPx(chartLook.widthMm) - chartLook.axisRoomPx) / chart.x.length / (ptToPx(chartLook.sizePt) * chartLook.charWidthEm)));
  const values = chart.series.flatMap((series, s) => chart.x.map((x, i) => ({ x: wrap(x, perLabel), i, s, series: series.name, value: series.values[i] ?? 0 })));
  const order = { field: 'i', type: 'quantitative' } as const;
  const x = { field: 'x', type: 'nominal', sort: chart.x.map((label) => wrap(label, perLabel)), title: chart.xTitle, axis: { labelAngle: 0, labelLimit: 0, labelExpr: `split(datum.label, '${LINE}')` } } as const;
  const y = { field: 'value', type: 'quantitative', title: chart.yTitle, axis: { tickMinStep: 1, format: 'd' } } as const;
  const colour = { field: 'series', type: 'nominal', sort: chart.series.map((series) => series.name), scale: { range: PALETTE }, legend: chart.series.length > 1 ? { orient: 'top', title: null } : null } as const;
  const label = { mark: { type: 'text', dy: -chartLook.valueGapPx, fontSize: chartLook.sizePt }, encoding: { text: { field: 'value', type: 'quantitative' } } } as const;
  const common = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    // The whole picture (axes, titles, legend inside) exactly the chart's box, so every writer scales it alike.
    width: Math.round(mmToPx(chartLook.widthMm)),
    height: Math.round(mmToPx(chartLook.heightMm)),
    autosize: { type: 'fit', contains: 'padding' },
    background: 'white',
    data: { values },
    config: { font: fontFamily, axis: { labelFontSize: chartLook.sizePt, titleFontSize: chartLook.sizePt }, legend: { labelFontSize: chartLook.sizePt }, view: { stroke: null } },
  } as const;
  switch (chart.chart) {
    case 'bar':
      return { ...common, encoding: { x, y, color: colour }, layer: [{ mark: { type: 'bar' } }, label] } as TopLevelSpec;
    case 'grouped-bar':
      return { ...common, encoding: { x, y, color: colour, xOffset: { field: 'series', sort: chart.series.map((series) => series.name) } }, layer: [{ mark: { type: 'bar' } }, label] } as TopLevelSpec;
    case 'line':
      return { ...common, encoding: { x, y, color: colour, order }, layer: [{ mark: { type: 'line', point: true } }, label] } as TopLevelSpec;
    default: {
      const never: never = chart.chart;
      throw new Error(`chart kind ${String(never)}`);
    }
  }
}

/** The chart as SVG text: the same bytes for the same data (vega's clip and gradient ids restart at each chart). */
export async function chartSvg(chart: ChartBlock): Promise<string> {
  const view = new View(parse(compile(chartSpec(chart)).spec), { renderer: 'none' });
  try {
    resetSVGDefIds();
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The chart as a PNG from the same SVG, for the DOCX: the document's font, no system fonts, a fixed resolution. */
export async function chartPng(chart: ChartBlock): Promise<Buffer> {
  const svg = await chartSvg(chart);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round(chartLook.widthMm * chartLook.rasterPxPerMm) },
    font: { loadSystemFonts: false, fontFiles: [fontPath('regular'), fontPath('bold')], defaultFontFamily: fontFamily, serifFamily: fontFamily, sansSerifFamily: fontFamily },
    background: 'white',
  });
  return Buffer.from(resvg.render().asPng());
}

/**
 * The Doc with every chart's `svg` filled in, for the window's preview (the renderer cannot run vega). Pure data
 * in, the same SVG out: the Doc stays deterministic. The PDF and DOCX writers ignore `svg` and draw from the data.
 */
export async function withChartPictures(doc: Doc): Promise<Doc> {
  const blocks = [];
  for (const block of doc.blocks) blocks.push(block.kind === 'chart' ? { ...block, svg: await chartSvg(block) } : block);
  return { ...doc, blocks };
}
