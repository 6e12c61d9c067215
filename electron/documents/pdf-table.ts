import { tableLook } from '../../shared/document/layout.ts';
import type { Block } from '../../shared/document/model.ts';
import type { Row } from './pdf-flow.ts';
import { composeLines, drawLine, into, lineOf, tagged, type Ctx, type Struct } from './pdf-text.ts';

/**
 * A table as rows of the page flow: each table row whole on one page (as the DOCX's rows that cannot split), the
 * header kept with the first row and drawn again, as an artifact, above a row that starts a page. Tagged Table >
 * TR > TH/TD; the frames are artifacts.
 */
export function tableRows(ctx: Ctx, root: Struct, block: Extract<Block, { kind: 'table' }>, index: number, area: { x: number; width: number }): Row[] {
  const { pdf } = ctx;
  const total = block.widths.reduce((a, b) => a + b, 0);
  const widths = block.header.map((_, i) => ((block.widths[i] ?? 1) / total) * area.width);
  // The text starts inside the cell's rules as well as its padding: LibreOffice takes the rules' width off the
  // text's (a line that fits within half a point of the edge here would wrap there).
  const pad = tableLook.paddingPt + tableLook.ruleWidthPt;
  const table = tagged(pdf, root, 'Table');

  const tableRow = (cells: readonly string[], header: boolean) => {
    const look = { ...tableLook.text, bold: header };
    const lines = cells.map((cell, i) => composeLines({ ...ctx, setting: 'cell' }, [{ text: cell }], look, widths[i]! - 2 * pad));
    const height = Math.max(...lines.map((cellLines) => cellLines.length)) * lineOf(look) + 2 * tableLook.paddingPt;
    const tr = tagged(pdf, table.element, 'TR');
    const elements = cells.map(() => into(tagged(pdf, tr.element, header ? 'TH' : 'TD')));
    const paint = (y: number, structured: boolean) => {
      let x = area.x;
      lines.forEach((cellLines, i) => {
        const targets = structured ? elements[i]! : null;
        cellLines.forEach((line, j) => drawLine(ctx, line, look, { x: x + pad, width: widths[i]! - 2 * pad, y: y + tableLook.paddingPt + j * lineOf(look) }, targets));
        x += widths[i]!;
      });
      if (structured) pdf.markContent('Artifact', { type: 'Layout' });
      x = area.x;
      for (const w of widths) {
        pdf.rect(x, y, w, height).lineWidth(tableLook.ruleWidthPt).stroke();
        x += w;
      }
      if (structured) pdf.endMarkedContent();
    };
    return {
      height,
      draw: (y: number) => paint(y, true),
      /** Drawn again at the top of a page: the header row is in the structure once, so this is an artifact. */
      again: (y: number) => {
        pdf.markContent('Artifact', { type: 'Pagination' });
        paint(y, false);
        pdf.endMarkedContent();
      },
    };
  };

  const header = tableRow(block.header, true);
  const repeated: Row = { height: header.height, spaceBefore: 0, spaceAfter: 0, breakBefore: false, block: index, draw: header.again };
  const rows: Row[] = [
    { height: header.height, spaceBefore: 0, spaceAfter: 0, breakBefore: true, block: index, draw: header.draw },
    ...block.rows.map((cells, r): Row => {
      const row = tableRow(block.header.map((_, i) => cells[i] ?? ''), false);
      // The header stays with the first row.
      return { height: row.height, spaceBefore: 0, spaceAfter: 0, breakBefore: r > 0, header: repeated, block: index, draw: row.draw };
    }),
  ];
  rows.at(-1)!.spaceAfter = tableLook.spaceAfterPt;
  return rows;
}
