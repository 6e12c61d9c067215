import ExcelJS from 'exceljs';

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** Characters in the longest line of a cell: a rough column width that ignores font metrics, good enough. */
const widthOf = (value: string | number | null) => Math.max(0, ...String(value ?? '').split(/\r\n|\r|\n/).map((line) => line.length));

/**
 * A list as an XLSX workbook: the header row bold and frozen, numbers as numbers, text always as a plain string
 * cell. exceljs makes a formula only from a `{ formula }` object, so a title such as "=HYPERLINK(…)" from a
 * complaint is stored as text and never runs (the tests check the sheet XML has no <f> element); unlike CSV, no
 * apostrophe prefix is needed or wanted. `now` fixes the workbook's created/modified dates.
 */
export async function incidentsXlsx(
  columns: readonly string[],
  rows: Iterable<(string | number | null)[]>,
  sheetName = 'Incidents',
  now: Date = new Date(),
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ombuds Dossier';
  workbook.lastModifiedBy = 'Ombuds Dossier';
  workbook.created = now;
  workbook.modified = now;
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...columns]).font = { bold: true };
  const widths = columns.map(widthOf);
  for (const row of rows) {
    // Only strings, numbers and empty cells reach exceljs: nothing here can be read as a formula object.
    sheet.addRow(row.map((value) => (typeof value === 'number' ? value : value === null ? null : String(value))));
    row.forEach((value, i) => (widths[i] = Math.max(widths[i] ?? 0, widthOf(value))));
  }
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + 2))));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
