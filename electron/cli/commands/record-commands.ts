import { readFileSync } from 'node:fs';
import { columnMappingSchema, requiredFieldsOfKind, textEncodings, type ColumnMapping, type ImportReport, type TextEncodingChoice } from '../../../shared/domain/table-import.ts';
import { AppError } from '../../errors/app-error.ts';
import { exportFile, exportFormatOf } from '../../services/interchange/export-file.ts';
import { importFile, importFormatOf } from '../../services/interchange/import-file.ts';
import { forkParseHost } from '../../services/isolation/node-parse-host.ts';
import { resolve } from 'node:path';
import { EXIT } from '../messages.ts';
import { printable, printableJson, printableRow } from '../printable.ts';
import { plural } from '../../../shared/domain/plural.ts';
import { cliServices } from '../services.ts';
import { actor, withVault, type Command, type Output } from './vault-commands.ts';

/** --mapping FILE.json: `{ "title": 0, "startDate": 2, … }` (zero-based columns); without it, headers are matched by name. */
function readMapping(path: string | undefined): ColumnMapping | undefined {
  if (!path) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new AppError('invalid-input', { detail: '--mapping must be a readable JSON file' });
  }
  const mapping = columnMappingSchema.safeParse(json);
  if (!mapping.success) throw new AppError('invalid-input', { detail: `--mapping: ${mapping.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ')}` });
  return mapping.data;
}

function encodingOption(value: string | undefined): TextEncodingChoice {
  if (value === undefined) return 'auto';
  if ((textEncodings as readonly string[]).includes(value)) return value as TextEncodingChoice;
  throw new AppError('invalid-input', { detail: `--encoding must be one of ${textEncodings.join(', ')}` });
}

/** Problems one per line on stderr, as `row 5, column "Дата": invalid-date` or `$.incidents[3].startDate: …`. */
function printProblems(report: ImportReport, err: (line: string) => void): void {
  // Paths and headers come from the file: escaped. The cell found is never printed (it may be case data or escape codes).
  for (const issue of report.pathIssues) err(printable(`${issue.path}: ${issue.message}`));
  for (const issue of report.rowIssues) err(`row ${issue.row}, column ${issue.column === null ? `(${issue.field} not mapped)` : printable(JSON.stringify(issue.column))}: ${issue.problem} (${issue.field})`);
  if (report.issueCount > report.rowIssues.length + report.pathIssues.length) err(`… ${report.issueCount - report.rowIssues.length - report.pathIssues.length} more`);
}

/**
 * What the rows would do to stored incidents, one line each on stderr: blank cells that would empty a stored value
 * (the import waits for --allow-empty) and victim cells left unapplied. Rows and headers only, no stored text.
 */
function printStoredValueNotices(report: ImportReport, err: (line: string) => void): void {
  const column = (cell: { column: string | null; field: string }) => (cell.column === null ? `(${cell.field})` : printable(JSON.stringify(cell.column)));
  for (const cell of report.wouldEmpty) err(`row ${cell.row}, column ${column(cell)}: would empty the stored value`);
  if (report.wouldEmptyCount > report.wouldEmpty.length) err(`… ${report.wouldEmptyCount - report.wouldEmpty.length} more stored values would be emptied`);
  for (const cell of report.notApplied) err(`row ${cell.row}, column ${column(cell)}: not applied; the incident's victims recorded in the form are kept`);
}

function printCounts(report: ImportReport, io: Output): void {
  if (!report.counts) return;
  for (const section of ['places', 'persons', 'incidents', 'counterparts', 'letters'] as const) {
    const [created, updated] = [report.counts.created[section], report.counts.updated[section]];
    // The registry's sections only when the file had any, so a records-only import reads as before.
    if (['places', 'persons', 'incidents'].includes(section) || created + updated > 0) io.out(`${section}: ${created} created, ${updated} updated`);
  }
}

function importHeapOption(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const mib = Number(value);
  if (Number.isInteger(mib) && mib >= 16 && mib <= 65_536) return mib;
  throw new AppError('invalid-input', { detail: 'OMBUDS_IMPORT_HEAP_MIB must be a whole number of MiB from 16 to 65536' });
}

export const recordCommands: Record<string, Command> = {
  async import(options, io) {
    const path = options.positionals[0];
    if (!path) throw new AppError('invalid-input', { detail: 'missing FILE' });
    const format = importFormatOf(path);
    const mapping = readMapping(options.mapping);
    const encoding = encodingOption(options.encoding);
    const err = (line: string) => process.stderr.write(`${line}\n`);
    const report = await withVault(options, async (vault) => {
      const kind = options.register ? ('letters' as const) : ('incidents' as const);
      const request = { path, encoding, kind, mode: options.validOnly ? ('valid-rows-only' as const) : ('all-or-nothing' as const), allowEmpty: options.allowEmpty === true };
      // The file is parsed in a child process with a heap cap (OMBUDS_IMPORT_HEAP_MIB raises or lowers it).
      const parser = forkParseHost({ maxHeapMiB: importHeapOption(process.env.OMBUDS_IMPORT_HEAP_MIB) });
      if (format === 'json') return importFile(vault.db, request, actor(), { parser });
      // Spreadsheets: the headers decide the mapping unless --mapping gives it.
      const preview = mapping ? null : await importFile(vault.db, { ...request, mapping: null }, actor(), { parser });
      const chosen = mapping ?? preview!.suggestedMapping;
      const missing = requiredFieldsOfKind(kind).filter((field) => chosen[field] === undefined);
      if (missing.length) {
        throw new AppError('invalid-input', { detail: `no column found for ${missing.join(', ')} among: ${(preview?.headers ?? []).join(', ').slice(0, 300)}; give --mapping FILE.json` });
      }
      return importFile(vault.db, { ...request, mapping: chosen }, actor(), {
        parser,
        onProgress: (phase, done, total) => {
          if (phase === 'writing' && process.stderr.isTTY) process.stderr.write(`\rwriting ${done}/${total}`);
        },
      });
    });
    printProblems(report, err);
    printStoredValueNotices(report, err);
    printCounts(report, io);
    if (report.invalidRows > 0 && report.counts) io.out(`${plural(report.invalidRows, 'invalid row')} skipped`);
    if (!report.counts) {
      // Invalid rows first (confirming would not help them); then emptyings waiting for --allow-empty.
      const invalidBlocks = report.issueCount > 0 && !(options.validOnly && report.validRows > 0);
      if (!invalidBlocks && report.wouldEmptyCount > 0 && !options.allowEmpty) {
        throw new AppError('import-would-empty', { detail: `${report.wouldEmptyCount} stored value(s)` });
      }
      if (report.issueCount === 0) {
        io.out('nothing to import');
        return EXIT.ok;
      }
      throw new AppError('import-invalid', { detail: `${plural(report.issueCount, 'problem')}${report.invalidRows ? ` in ${plural(report.invalidRows, 'row')}; --valid-only imports the others` : ''}` });
    }
    return EXIT.ok;
  },

  async export(options, io) {
    const out = options.out;
    if (!out) throw new AppError('invalid-input', { detail: 'missing --out' });
    const format = exportFormatOf(out);
    await withVault(options, (vault) => exportFile(vault.db, format, out));
    io.out(`Exported to ${out}`);
    return EXIT.ok;
  },

  /** Stores files as evidence (SHA-256 at intake, type from the bytes, the size limit from settings), or lists them. */
  async evidence(options, io) {
    const incidentId = options.incident;
    if (!incidentId) throw new AppError('invalid-input', { detail: 'missing --incident' });
    await withVault(options, (vault) => {
      const { evidence } = cliServices(vault, actor());
      const added = evidence.add(incidentId, options.positionals.map((path) => resolve(path)));
      for (const record of options.positionals.length ? added : evidence.list(incidentId)) {
        io.out(printableRow([record.id, record.sha256, record.mediaType, record.size, record.fileName]));
      }
    });
    return EXIT.ok;
  },

  async search(options, io) {
    const hits = await withVault(options, (vault) =>
      cliServices(vault, actor()).records.search({
        text: options.positionals.join(' ') || undefined,
        violationTypes: options.types?.length ? options.types : undefined,
        from: options.from,
        to: options.to,
        limit: 100_000,
      }),
    );
    // Ids and titles come from imported files and may hold escape codes: printed escaped, never raw.
    if (options.json) io.out(printableJson(hits));
    else for (const hit of hits) io.out(printableRow([hit.id, `${hit.startDate}${hit.endDate ? `..${hit.endDate}` : ''}`, hit.title]));
    return EXIT.ok;
  },
};
