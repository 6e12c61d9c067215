import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { listXlsx } from '../electron/services/interchange/sheets/xlsx-write.ts';
import type { Db } from '../electron/store/open.ts';
import { importInvariant } from './hostile-json.ts';
import { hostileDate, hostileNumber, hostileText } from './hostile-values.ts';

/** The columns of the generated sheets, mapped by position; the headers are what staff would type. */
const COLUMNS = ['ID', 'Title', 'Start date', 'End date', 'Country', 'Victims', 'Number of victims', 'Violation type', 'Source'] as const;
const MAPPING = { id: 0, title: 1, startDate: 2, endDate: 3, country: 4, victims: 5, victimCount: 6, violationTypes: 7, sourceReference: 8 };

const cell: fc.Arbitrary<string | number | null> = fc.oneof(
  { weight: 3, arbitrary: hostileText },
  { weight: 2, arbitrary: hostileDate },
  { weight: 2, arbitrary: hostileNumber.filter(Number.isFinite) },
  { weight: 1, arbitrary: fc.constantFrom(null, '', 'KZ', 'RU', 'prolonged-border-detention', 'in-fotekh-2024-03', '40', '2024-03-11') },
);
const rows = fc.array(fc.array(cell, { minLength: 0, maxLength: COLUMNS.length + 2 }), { minLength: 1, maxLength: 12 });

/** CSV as a spreadsheet program might write it, or not: quoted or bare cells, a chosen delimiter and line end. */
function csv(table: (string | number | null)[][], delimiter: string, quoteAll: boolean, lineEnd: string): string {
  const quote = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    return quoteAll || /[",;\t\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [COLUMNS as readonly string[], ...table].map((row) => row.map(quote).join(delimiter)).join(lineEnd);
}

export function sheetProperties(db: Db, folder: string): { name: string; property: fc.IAsyncProperty<[unknown]> }[] {
  let n = 0;
  const path = (extension: string) => join(folder, `sheet-${(n += 1)}.${extension}`);
  const mapping = { ...MAPPING };
  return [
    {
      name: 'CSV: generated rows (control characters, huge numbers, odd dates, formulas)',
      property: fc.asyncProperty(
        fc.tuple(rows, fc.constantFrom(',', ';', '\t'), fc.boolean(), fc.constantFrom('\n', '\r\n', '\r'), fc.constantFrom('all-or-nothing', 'valid-rows-only'), fc.boolean()),
        async ([table, delimiter, quoteAll, lineEnd, mode, allowEmpty]) => {
          const file = path('csv');
          writeFileSync(file, csv(table, delimiter, quoteAll, lineEnd));
          const problem = await importInvariant(db, file, { mapping, mode: mode as 'all-or-nothing', allowEmpty });
          if (problem) throw new Error(problem);
        },
      ) as fc.IAsyncProperty<[unknown]>,
    },
    {
      name: 'XLSX: generated rows, and the bytes of a workbook damaged',
      property: fc.asyncProperty(fc.tuple(rows, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { maxLength: 3 }), fc.constantFrom('all-or-nothing', 'valid-rows-only')), async ([table, flips, mode]) => {
        const bytes = await listXlsx(COLUMNS, table, { now: new Date('2025-01-01T00:00:00Z') });
        for (const [at, mask] of flips) bytes[at % bytes.length]! ^= mask;
        const file = path('xlsx');
        writeFileSync(file, bytes);
        const problem = await importInvariant(db, file, { mapping, mode: mode as 'all-or-nothing' });
        if (problem) throw new Error(problem);
      }) as fc.IAsyncProperty<[unknown]>,
    },
    {
      name: 'CSV and XLSX: arbitrary bytes',
      property: fc.asyncProperty(fc.tuple(fc.uint8Array({ maxLength: 600 }), fc.constantFrom('csv', 'xlsx'), fc.constantFrom('auto', 'utf-8', 'utf-16le', 'windows-1251', 'koi8-r')), async ([bytes, extension, encoding]) => {
        const file = path(extension);
        writeFileSync(file, bytes);
        const problem = await importInvariant(db, file, { mapping, encoding: encoding as 'auto' });
        if (problem) throw new Error(problem);
      }) as fc.IAsyncProperty<[unknown]>,
    },
  ];
}
