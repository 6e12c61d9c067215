/**
 * The PDF's pages: blocks become rows (a line of text, a table row, the signature, an image), each with the space
 * above and below it and whether the page may break before it, and rows are placed on pages first-fit. When a row
 * does not fit, the page breaks before the last row that allows it — so a paragraph keeps two lines on each page
 * and a heading stays with what follows — and only when no row on the page allows it, where the row fell.
 */
export interface Row {
  height: number;
  spaceBefore: number;
  spaceAfter: number;
  /** May the page break before this row (widows and orphans, keep-with-next)? */
  breakBefore: boolean;
  /** A page break of the Doc: this row starts a page, and the space above the next row is kept there. */
  newPage?: boolean;
  /** The executor's mark: stands at the foot of the page it lands on (the signature's) and fills it. */
  atFoot?: boolean;
  /** A table's header row, drawn again above this row when the row starts a page. */
  header?: Row;
  /** Index of the Doc block the row belongs to. */
  block: number;
  draw: (y: number) => void;
}

export interface Placed {
  row: Row;
  /** 0-based page index. */
  page: number;
  y: number;
  /** A repeated table header drawn above the row, and where. */
  headerY?: number;
}

/** Rows that fit within this much of the bottom margin still fit: rounding, not typography. */
const FIT_EPSILON = 0.01;

export function placeRows(rows: readonly Row[], top: number, bottom: number): { placed: Placed[]; pages: number } {
  const placed: Placed[] = [];
  let page = 0;
  let y = top;
  let pageStart = 0;
  /** The page began because the text ran over (the space above its first row is dropped), not at a page break. */
  let ranOver = false;
  const startPage = (at: number, overflow: boolean) => {
    page += 1;
    y = top;
    pageStart = at;
    ranOver = overflow;
  };
  let index = 0;
  while (index < rows.length) {
    const row = rows[index]!;
    if (row.newPage) {
      // At the top of a page the text just ran over to, a page break adds no empty page (as Word's
      // page-break-before does not).
      if (index === pageStart && ranOver) ranOver = false;
      else if (index > 0) startPage(index, false);
      placed.push({ row, page, y });
      index += 1;
      continue;
    }
    const atTop = index === pageStart;
    const above = atTop ? (ranOver ? 0 : row.spaceBefore) : rows[index - 1]!.spaceAfter + row.spaceBefore;
    const header = atTop && ranOver && row.header ? row.header.height : 0;
    if (!atTop && y + above + header + row.height > bottom + FIT_EPSILON) {
      // The page breaks before the last row that allows it. The executor's mark does not: with no room for it
      // below the signature, the signature (and the lines kept above it) go over to the next page with it.
      let breakAt = index;
      while (breakAt > pageStart + 1 && !rows[breakAt]!.breakBefore) breakAt -= 1;
      if (!rows[breakAt]!.breakBefore) breakAt = index; // nothing on this page may move: break where the text fell
      placed.splice(placed.length - (index - breakAt));
      startPage(breakAt, true);
      index = breakAt;
      continue;
    }
    if (row.atFoot) {
      // The mark stands at the foot of the page the letter ends on, and nothing follows it there.
      placed.push({ row, page, y: Math.max(y + above, bottom - row.height) });
      y = bottom;
      index += 1;
      continue;
    }
    placed.push({ row, page, y: y + above + header, ...(header ? { headerY: y + above } : {}) });
    y += above + header + row.height;
    index += 1;
  }
  return { placed, pages: page + 1 };
}

/** The page (1-based) each block starts on, from the rows placed. */
export function pageOfBlocks(placed: readonly Placed[], blockCount: number): number[] {
  const pages: number[] = new Array<number>(blockCount).fill(0);
  for (const { row, page } of placed) if (pages[row.block] === 0) pages[row.block] = page + 1;
  // A block without rows starts where the block before it ends.
  for (let i = 0; i < blockCount; i += 1) if (pages[i] === 0) pages[i] = i > 0 ? pages[i - 1]! : 1;
  return pages;
}
