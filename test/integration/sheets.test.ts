import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../electron/services/interchange/sheets/csv-read.ts';
import { readXlsx } from '../../electron/services/interchange/sheets/xlsx-read.ts';
import { listXlsx } from '../../electron/services/interchange/sheets/xlsx-write.ts';
import { zipOf } from '../support/zip.ts';
import { handMadeXlsx, xlsxRow } from '../support/xlsx.ts';

const TAJIK = 'Раҳимов Ҷамшед — ӣ ӯ ғ қ ҳ ҷ';
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
/** Windows-1251 for Cyrillic letters: Node has a decoder but no encoder for it. */
const cp1251 = (text: string) => Buffer.from([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : ch.charCodeAt(0) - 0x410 + 0xc0)));

/** The XML of one part of an XLSX, read with the same zip reader the import uses. */
async function part(xlsx: Buffer, name: string): Promise<string> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.fromBuffer(xlsx, { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z!))));
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName !== name) return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      });
    });
    zip.on('end', () => reject(new Error(`${name} not found`)));
    zip.readEntry();
  });
}

describe('CSV', () => {
  it('reads UTF-8 with and without a BOM, UTF-16 with a BOM, semicolons, quotes, newlines in cells', async () => {
    const text = `Название;Описание\r\n"${TAJIK}";"строка 1\nстрока 2, ""кавычки"""\r\n\r\nВторая;\r\n`;
    for (const bytes of [utf8(text), utf8(`\uFEFF${text}`), utf16le(text)]) {
      expect(await readCsv(bytes)).toMatchObject({ headers: ['Название', 'Описание'], rows: [[TAJIK, 'строка 1\nстрока 2, "кавычки"'], ['Вторая', '']] });
    }
    expect(await readCsv(utf8('a,b\n1\n2,3,4\n'))).toEqual({ headers: ['a', 'b'], rows: [['1', ''], ['2', '3']], rowNumbers: [2, 3] });
    // A comma inside a quoted header does not make a semicolon file a comma file.
    expect(await readCsv(utf8('"Место, город";Дата\r\nХорог;01.01.2024\r\n'))).toMatchObject({ headers: ['Место, город', 'Дата'], rows: [['Хорог', '01.01.2024']] });
    // Blank lines are dropped but keep counting, so a problem is reported at the row the user sees.
    expect(await readCsv(utf8('\ntitle,startDate\nA,x\n\n,\nB,y\n'))).toEqual({ headers: ['title', 'startDate'], rows: [['A', 'x'], ['B', 'y']], rowNumbers: [3, 6] });
  });

  it('asks for the encoding of a Windows-1251 file instead of guessing, and reads it when told', async () => {
    const bytes = cp1251('Название;Дата\r\nЗадержание;02.10.2024\r\n');
    await expect(readCsv(bytes)).rejects.toMatchObject({ code: 'import-encoding' });
    expect(await readCsv(bytes, { encoding: 'windows-1251' })).toMatchObject({ headers: ['Название', 'Дата'], rows: [['Задержание', '02.10.2024']] });
    // UTF-16 without its byte-order mark: asked for, not called binary; with the encoding given, read.
    const noBom = Buffer.from('title,startDate\nDetention,2024-03-11\n', 'utf16le');
    await expect(readCsv(noBom)).rejects.toMatchObject({ code: 'import-encoding', detail: expect.stringContaining('UTF-16') });
    expect(await readCsv(noBom, { encoding: 'utf-16le' })).toMatchObject({ rows: [['Detention', '2024-03-11']] });
  });

  it('refuses malformed, empty and binary files with a clear reason and no cell content', async () => {
    await expect(readCsv(utf8('a,b\n"unclosed,2\n3,4\n'))).rejects.toMatchObject({ code: 'import-invalid', detail: expect.stringMatching(/^CSV: line \d+: CSV_QUOTE_NOT_CLOSED$/) });
    await expect(readCsv(utf8(''))).rejects.toMatchObject({ code: 'import-invalid', detail: 'CSV: the file has no header row' });
    await expect(readCsv(utf8('\n\n,,\n'))).rejects.toMatchObject({ code: 'import-invalid', detail: 'CSV: the file has no header row' });
    await expect(readCsv(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x41]))).rejects.toMatchObject({ code: 'import-invalid', detail: 'CSV: binary data, not a text file' });
    await expect(readCsv(utf8(`a\n${'x'.repeat(50_001)}\n`))).rejects.toMatchObject({ code: 'import-too-large' });
    await expect(readCsv(utf8(`${Array.from({ length: 201 }, (_, i) => `c${i}`).join(',')}\n`))).rejects.toMatchObject({ code: 'import-too-large' });
  });

  it('reads 100,000 rows with progress, keeps emoji whole across slices, and stops when cancelled', async () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `Задержание 😀 № ${i + 1},2024-03-11`);
    const bytes = utf8(`title,startDate\n${lines.join('\n')}\n`);
    const seen: number[] = [];
    const table = await readCsv(bytes, { onProgress: (rows) => seen.push(rows) });
    expect(table.rows).toHaveLength(100_000);
    expect(table.rows.every((row, i) => row[0] === `Задержание 😀 № ${i + 1}`)).toBe(true);
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.at(-1)).toBe(100_001);

    const controller = new AbortController();
    const cancelled = readCsv(bytes, { signal: controller.signal, onProgress: (rows) => rows > 20_000 && controller.abort() });
    await expect(cancelled).rejects.toMatchObject({ code: 'cancelled' });
  });
});

describe('XLSX', () => {
  it('writes a list with text kept as text (no formulas) and reads it back: Tajik, dates, numbers', async () => {
    const formula = '=HYPERLINK("http://example.invalid","click")';
    const xlsx = await listXlsx(['id', 'title', 'people'], [['in-1', TAJIK, 40], ['in-2', formula, null], ['in-3', '+7 900 000', 1]]);
    expect(await part(xlsx, 'xl/worksheets/sheet1.xml')).not.toMatch(/<f>|<f /);
    expect(await readXlsx(xlsx)).toMatchObject({ headers: ['id', 'title', 'people'], rows: [['in-1', TAJIK, '40'], ['in-2', formula, ''], ['in-3', '+7 900 000', '1']] });
  });

  it("reads a workbook made elsewhere: dates, formulas' cached results, rich text, hyperlinks, empty rows", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Реестр');
    sheet.addRow(['Название', 'Дата', 'Люди', 'Ссылка']);
    sheet.addRow([{ richText: [{ text: 'Задержание ' }, { text: 'в Фотехе', font: { bold: true } }] }, new Date(Date.UTC(2024, 2, 11)), { formula: '20+20', result: 40 }, { text: 'видео', hyperlink: 'https://example.org/v' }]);
    sheet.addRow([]);
    sheet.addRow(['Второе', '2024-05', 3, null]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await readXlsx(bytes)).toEqual({
      headers: ['Название', 'Дата', 'Люди', 'Ссылка'],
      rows: [['Задержание в Фотехе', '2024-03-11', '40', 'видео'], ['Второе', '2024-05', '3', '']],
      rowNumbers: [2, 4],
    });
  });

  it('refuses files that are not XLSX: a CSV renamed, random bytes, a zip without a workbook', async () => {
    await expect(readXlsx(utf8('title,startDate\nx,2024-01-01\n'))).rejects.toMatchObject({ code: 'import-invalid' });
    await expect(readXlsx(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array(500).fill(7)]))).rejects.toMatchObject({ code: 'import-invalid' });
    await expect(readXlsx(zipOf([{ name: 'hello.txt', data: utf8('hi') }]))).rejects.toMatchObject({ code: 'import-invalid' });
  });

  it('refuses zip bombs: by the directory before inflating, and while inflating when the directory lies', async () => {
    const zeros = Buffer.alloc(150 * 1024 ** 2);
    const deflated = deflateRawSync(zeros);
    expect(deflated.length).toBeLessThan(1024 ** 2);
    // Declares its true 150 MiB: refused from the directory alone.
    await expect(readXlsx(zipOf([{ name: 'xl/worksheets/sheet1.xml', data: zeros, deflated }]))).rejects.toMatchObject({ code: 'import-too-large', detail: expect.stringContaining('declares more than') });
    // Declares 2 MiB each for a ratio far above 100.
    const small = Buffer.alloc(2 * 1024 ** 2);
    await expect(readXlsx(zipOf([{ name: 'a.xml', data: small }]))).rejects.toMatchObject({ code: 'import-too-large', detail: expect.stringContaining('compression ratio') });
    // Many entries, each harmless, too many in all.
    await expect(readXlsx(zipOf(Array.from({ length: 2001 }, (_, i) => ({ name: `e${i}.xml`, data: utf8('x') }))))).rejects.toMatchObject({ code: 'import-too-large', detail: expect.stringContaining('entries') });
    // 150 MiB that claims to be 1 KiB: stopped as soon as it outgrows the claim.
    await expect(readXlsx(zipOf([{ name: 'xl/worksheets/sheet1.xml', data: zeros, deflated, declaredSize: 1024 }]))).rejects.toMatchObject({ code: 'import-too-large', detail: expect.stringContaining('beyond its declared size') });
  });
});

describe('XLSX: row and column bounds, checked as the sheet streams', () => {
  const header = xlsxRow(1, { A: 'title', B: 'startDate' });

  it('refuses a 1.6 KB workbook that numbers a row 50,000,000, naming the row, without keeping anything for the rows between', async () => {
    const xlsx = handMadeXlsx(header + xlsxRow(50_000_000, { A: 'x', B: '2024-01-01' }));
    expect(xlsx.length).toBeLessThan(2048);
    // Read in this very process: had the reader allocated the empty rows (4 GiB and more), this test's process would die.
    await expect(readXlsx(xlsx)).rejects.toMatchObject({ code: 'import-invalid', detail: 'XLSX: row 50000000 is beyond the last row a worksheet can have (1048576)' });
    await expect(readXlsx(handMadeXlsx(`${header}<row r="1048577"><c r="A1048577"><v>1</v></c></row>`))).rejects.toMatchObject({ detail: expect.stringContaining('row 1048577 is beyond') });
  });

  it('refuses cell references beyond column XFD, malformed or outside their row, and rows out of order', async () => {
    const refused = async (sheetData: string, detail: string) => expect(readXlsx(handMadeXlsx(sheetData))).rejects.toMatchObject({ code: 'import-invalid', detail: `XLSX: ${detail}` });
    await refused(`${header}<row r="2"><c r="XFE2"><v>1</v></c></row>`, 'cell XFE2 is beyond the last column a worksheet can have (XFD)');
    await refused(`${header}<row r="2"><c r="AAAA2"><v>1</v></c></row>`, 'row 2 has a cell with an invalid reference');
    await refused(`${header}<row r="2"><c r="A50000000"><v>1</v></c></row>`, 'cell A50000000 is inside row 2');
    await refused(`${header}<row r="3"/><row r="2"/>`, 'row 2 comes after row 3; rows must be in order');
    await refused(`${header}<row r="-5"/>`, 'a row has an invalid number');
  });

  it('keeps only rows that hold data: a data row numbered 1,048,576 is one row at its number; columns beyond the limit mark the header too wide and are cut from data', async () => {
    expect(await readXlsx(handMadeXlsx(header + xlsxRow(1_048_576, { A: 'Задержание', B: '2024-03-11' })))).toEqual({
      headers: ['title', 'startDate'],
      rows: [['Задержание', '2024-03-11']],
      rowNumbers: [1_048_576],
    });
    // Cells without a reference follow the one before them.
    expect(await readXlsx(handMadeXlsx(`${header}<row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row>`))).toMatchObject({ rows: [['a', 'b']], rowNumbers: [2] });
    expect(await readXlsx(handMadeXlsx(header + xlsxRow(2, { A: 'x', B: 'y', XFD: 'far right' })))).toMatchObject({ rows: [['x', 'y']] });
    await expect(readXlsx(handMadeXlsx(xlsxRow(1, { A: 'title', XFD: 'far right' })))).rejects.toMatchObject({ code: 'import-too-large', detail: 'XLSX: more than 200 columns' });
  });

  it('ignores the ranges a workbook declares over the whole sheet (column styles, merges, validations): only cells are read', async () => {
    const whole = 'A1:XFD1048576';
    const extra = `<mergeCells count="1"><mergeCell ref="${whole}"/></mergeCells><dataValidations count="1"><dataValidation type="list" sqref="${whole}"><formula1>"a,b"</formula1></dataValidation></dataValidations>`;
    const sheetData = `${header}${xlsxRow(2, { A: 'x', B: 'y' })}`;
    const xlsx = handMadeXlsx(sheetData, { before: '<cols><col min="1" max="16384" width="9"/></cols>', after: extra });
    expect(await readXlsx(xlsx)).toMatchObject({ rows: [['x', 'y']] });
  });

  it('refuses more than 200,000 data rows as they are read, and a document type declaration (no entities are expanded)', async () => {
    const many = Array.from({ length: 200_002 }, (_, i) => `<row r="${i + 2}"><c r="A${i + 2}"><v>${i}</v></c></row>`).join('');
    await expect(readXlsx(handMadeXlsx(header + many))).rejects.toMatchObject({ code: 'import-too-large', detail: 'XLSX: more than 200000 rows' });
    const laughs = '<!DOCTYPE worksheet [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>';
    await expect(readXlsx(handMadeXlsx(xlsxRow(1, { A: '&b;' }), { prolog: laughs }))).rejects.toMatchObject({ code: 'import-invalid', detail: 'XLSX: DTDs are not allowed in a workbook' });
  });
});
