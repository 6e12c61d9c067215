import { posix } from 'node:path';
import { AppError } from '../../../errors/app-error.ts';
import { TABLE_LIMITS } from './table.ts';
import { XmlScanner, type XmlHandler } from './xml-scan.ts';
import type { CheckedZip } from './zip-limits.ts';

const invalid = (detail: string) => new AppError('import-invalid', { detail });

/** Streams one XML part of the archive through `handler`; the bytes must be UTF-8, as Excel writes them. */
export async function scanPart(zip: CheckedZip, name: string, handler: XmlHandler): Promise<void> {
  const scanner = new XmlScanner(handler);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (chunk?: Buffer) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw invalid('XLSX: a part of the workbook is not UTF-8 XML');
    }
  };
  await zip.read(name, (chunk) => scanner.write(decode(chunk)));
  scanner.write(decode());
  scanner.end();
}

export interface WorkbookInfo {
  /** The archive path of the first worksheet, the one imported. */
  firstSheet: string;
  /** Dates count from 1904 (old Mac workbooks) instead of 1900. */
  date1904: boolean;
}

/** A relationship target is relative to the workbook's folder (xl/) unless it starts at the archive's root. */
const partPath = (target: string) => (target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target)));

/** Which part is the first worksheet (in the order the workbook lists its sheets) and how dates are counted. */
export async function readWorkbook(zip: CheckedZip): Promise<WorkbookInfo> {
  if (!zip.has('xl/workbook.xml')) throw invalid('not an XLSX file (the workbook cannot be read)');
  let firstSheetId: string | null = null;
  let date1904 = false;
  await scanPart(zip, 'xl/workbook.xml', {
    open(name, attributes) {
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attributes.get('date1904') ?? '');
      if (name === 'sheet' && firstSheetId === null) {
        // The relationship id is the namespaced `r:id` (whatever the prefix), not the plain `sheetId`.
        firstSheetId = [...attributes].find(([key]) => key.endsWith(':id'))?.[1] ?? '';
      }
    },
    close: () => undefined,
    text: () => undefined,
  });
  if (firstSheetId === null) throw invalid('XLSX: the workbook has no worksheet');
  let target: string | null = null;
  if (zip.has('xl/_rels/workbook.xml.rels')) {
    await scanPart(zip, 'xl/_rels/workbook.xml.rels', {
      open(name, attributes) {
        if (name === 'Relationship' && attributes.get('Id') === firstSheetId && target === null) target = attributes.get('Target') ?? null;
      },
      close: () => undefined,
      text: () => undefined,
    });
  }
  const firstSheet = target === null ? 'xl/worksheets/sheet1.xml' : partPath(target);
  if (!zip.has(firstSheet)) throw invalid('XLSX: the first worksheet is missing');
  return { firstSheet, date1904 };
}

/** Excel's built-in number formats that show dates or times (ids 14–22, 27–36, 45–47, 50–58). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A format code shows a date when, outside quoted text, [brackets] and escapes, it has day/month/year/time letters. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/[\\_]./g, '');
  return /[ymdhsb]/i.test(bare);
}

/** The cell styles (by their index in cellXfs) whose number format is a date, so such numbers read as dates. */
export async function readDateStyles(zip: CheckedZip): Promise<Set<number>> {
  const dateStyles = new Set<number>();
  if (!zip.has('xl/styles.xml')) return dateStyles;
  const customDates = new Set<number>();
  let inCellXfs = false;
  let index = 0;
  await scanPart(zip, 'xl/styles.xml', {
    open(name, attributes) {
      if (name === 'numFmt' && isDateFormat(attributes.get('formatCode') ?? '')) customDates.add(Number(attributes.get('numFmtId')));
      if (name === 'cellXfs') inCellXfs = true;
      if (name === 'xf' && inCellXfs) {
        const id = Number(attributes.get('numFmtId') ?? 0);
        if (BUILT_IN_DATE_FORMATS.has(id) || customDates.has(id)) dateStyles.add(index);
        index += 1;
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text: () => undefined,
  });
  return dateStyles;
}

/**
 * The shared strings, in order. Rich text runs are joined; phonetic guides (rPh) are not part of the text.
 * A string longer than a cell may hold is kept cut one character past the limit, so a cell using it is refused
 * as too long without the whole string being held.
 */
export async function readSharedStrings(zip: CheckedZip): Promise<string[]> {
  const strings: string[] = [];
  if (!zip.has('xl/sharedStrings.xml')) return strings;
  let current: string[] | null = null;
  let length = 0;
  let inText = false;
  let phonetic = 0;
  await scanPart(zip, 'xl/sharedStrings.xml', {
    open(name) {
      if (name === 'si') [current, length] = [[], 0];
      else if (name === 'rPh') phonetic += 1;
      else if (name === 't' && current && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 'si' && current) {
        strings.push(current.join(''));
        current = null;
      } else if (name === 'rPh') phonetic -= 1;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (!inText || !current || length > TABLE_LIMITS.maxCellChars) return;
      const kept = text.slice(0, TABLE_LIMITS.maxCellChars + 1 - length);
      current.push(kept);
      length += kept.length;
    },
  });
  return strings;
}
