import ExcelJS from 'exceljs';

/**
 * A list as an XLSX workbook: header bold and frozen, numbers as numbers, text always as text. exceljs writes a
 * string cell as a string even when it starts with "=", so a title like "=HYPERLINK(…)" can never become a formula
 * (a test checks the sheet XML has no <f> element). Pass `now` to fix the workbook dates.
 */
export async function listXlsx(columns: readonly string[], rows: Iterable<(string | number | null)[]>, options: { sheetName?: string; now?: Date } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const now = options.now ?? new Date();
  workbook.creator = 'Ombuds Dossier';
  workbook.created = now;
  workbook.modified = now;
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Incidents', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...columns]).font = { bold: true };
  const widths = columns.map((column) => column.length);
  for (const row of rows) {
    sheet.addRow(row.map((value) => value ?? null));
    row.forEach((value, i) => (widths[i] = Math.max(widths[i] ?? 0, Math.min(60, String(value ?? '').length))));
  }
  sheet.columns.forEach((column, i) => (column.width = Math.max(8, (widths[i] ?? 8) + 2)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
