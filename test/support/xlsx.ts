import { zipOf } from './zip.ts';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** XML around the sheet's rows: before <sheetData> (e.g. <cols>), after it (merges, validations), a prolog (a DTD). */
export interface SheetParts {
  before?: string;
  after?: string;
  prolog?: string;
}

/**
 * A minimal XLSX whose first worksheet holds `sheetData` (the XML inside <sheetData>), built by hand so a test can
 * write what no spreadsheet program would: rows numbered in the millions, references beyond the last column,
 * ranges over the whole sheet.
 */
export function handMadeXlsx(sheetData: string, parts: SheetParts = {}): Buffer {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rels = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zipOf([
    {
      name: '[Content_Types].xml',
      data: utf8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    { name: 'xl/workbook.xml', data: utf8(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${rels}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: utf8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rels}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: utf8(`<?xml version="1.0" encoding="UTF-8"?>${parts.prolog ?? ''}<worksheet xmlns="${main}">${parts.before ?? ''}<sheetData>${sheetData}</sheetData>${parts.after ?? ''}</worksheet>`),
    },
  ]);
}

/** One row of inline-string cells, e.g. `xlsxRow(3, { A: 'x', C: 'y' })`. */
export function xlsxRow(number: number, cells: Record<string, string>): string {
  const body = Object.entries(cells)
    .map(([column, text]) => `<c r="${column}${number}" t="inlineStr"><is><t>${text}</t></is></c>`)
    .join('');
  return `<row r="${number}">${body}</row>`;
}
