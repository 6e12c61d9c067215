import { extname } from 'node:path';
import { AppError } from '../../errors/app-error.ts';
import { writeFileAtomic } from '../../store/atomic-write.ts';
import type { Db } from '../../store/open.ts';
import { incidentsCsv } from './csv-export.ts';
import { INCIDENT_LIST_COLUMNS, incidentListRows } from './incident-list-rows.ts';
import { exportInterchange } from './json-export.ts';
import { listXlsx } from './sheets/xlsx-write.ts';

export const exportFormats = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export function exportFormatOf(path: string): ExportFormat {
  const format = extname(path).slice(1).toLowerCase();
  if ((exportFormats as readonly string[]).includes(format)) return format as ExportFormat;
  throw new AppError('invalid-input', { detail: '--out must end in .json, .csv or .xlsx' });
}

/**
 * Writes an export where the user chose: JSON is the whole case store in the interchange format; CSV and XLSX
 * are the incident list (the given incidents in that order, or all), safe against formula injection. The file
 * appears only complete (atomic replace).
 */
export async function exportFile(db: Db, format: ExportFormat, path: string, ids?: readonly string[]): Promise<void> {
  const content =
    format === 'json' ? exportInterchange(db) : format === 'csv' ? incidentsCsv(db, ids) : await listXlsx(INCIDENT_LIST_COLUMNS, incidentListRows(db, ids));
  writeFileAtomic(path, content);
}
