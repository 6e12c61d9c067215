import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { localToday } from '../../../shared/domain/calendar.ts';
import { missingTextKey } from '../../../shared/domain/translations.ts';
import { AppError } from '../../errors/app-error.ts';
import { fingerprintOf } from '../../services/letters/letter-registration.ts';
import { renderDossierDocx, renderDossierPdf } from '../../services/dossier/dossier-render.ts';
import type { DossierBuild } from '../../services/dossier/dossier-service.ts';
// The one store module the CLI may use: a file write with no access to the store (see eslint.config.js).
import { writeFileAtomic } from '../../store/atomic-write.ts';
import { EXIT } from '../messages.ts';
import { printable, printableJson, printableRow } from '../printable.ts';
import { cliServices } from '../services.ts';
import { actor, withVault, type Command, type CommandOptions } from './vault-commands.ts';

const today = () => localToday();

function required(value: string | undefined, flag: string): string {
  if (!value) throw new AppError('invalid-input', { detail: `missing ${flag}` });
  return value;
}

/** pdf or docx, from --format or the --out file's extension. */
function formatOf(options: CommandOptions): 'pdf' | 'docx' {
  const format = options.format ?? (options.out ? extname(options.out).slice(1).toLowerCase() : '');
  if (format !== 'pdf' && format !== 'docx') throw new AppError('invalid-input', { detail: '--out must end in .pdf or .docx (or give --format pdf|docx)' });
  return format;
}

function editionOf(value: string | undefined): number {
  const edition = Number(required(value, '--edition N'));
  if (!Number.isSafeInteger(edition) || edition < 1) throw new AppError('invalid-input', { detail: '--edition must be a whole number from 1' });
  return edition;
}

/** The dossier named by --dossier, or by the word after `show`. */
const dossierId = (options: CommandOptions) => required(options.dossier ?? options.positionals[1], '--dossier ID');

/** What a build skipped or lacks, on stderr, by record and field (never its text), as `letter draft` lists them. */
function reportBuild(build: DossierBuild, keepOriginal: readonly string[], language: string): void {
  for (const warning of build.warnings) process.stderr.write(`warning: ${warning.code} ${printable(warning.id)}\n`);
  for (const missing of build.missing) {
    const kept = keepOriginal.includes(missingTextKey(missing));
    process.stderr.write(`missing: ${missing.entity} ${printable(missing.id)} ${printable(missing.field)} (${language})${kept ? ', original kept' : ''}\n`);
  }
}

const subcommands: Record<string, Command> = {
  /** The saved dossiers, newest first: id, title, language, meeting date, editions, last saved. */
  async list(options, io) {
    const dossiers = await withVault(options, (vault) => cliServices(vault, actor()).dossiers.list());
    if (options.json) io.out(printableJson(dossiers));
    else for (const d of dossiers) io.out(printableRow([d.id, d.title, d.language, d.meetingDate ?? '-', `${d.editions} edition(s)`, d.updatedAt]));
    return EXIT.ok;
  },

  /** A dossier's composition and its editions. */
  async show(options, io) {
    const id = dossierId(options);
    const { composition, editions } = await withVault(options, (vault) => {
      const { dossiers } = cliServices(vault, actor());
      return { composition: dossiers.get(id), editions: dossiers.editions(id) };
    });
    if (options.json) {
      io.out(printableJson({ composition, editions }));
      return EXIT.ok;
    }
    const { selection } = composition;
    io.out(printableRow(['title', composition.title]));
    io.out(printableRow(['language', composition.language]));
    io.out(printableRow(['meeting', [composition.meeting.with, composition.meeting.place, composition.meeting.date ?? ''].filter(Boolean).join(', ')]));
    io.out(printableRow(['incidents', selection.kind === 'incidents' ? `${selection.incidentIds.length} chosen` : 'a saved search, run at each build']));
    io.out(printableRow(['sections', composition.sections.join(', ')]));
    for (const e of editions) io.out(printableRow([`edition ${e.edition}`, e.issuedAt, `${e.pages} pages`, `SHA-256 ${e.sha256}`]));
    return EXIT.ok;
  },

  /** Saves a composition from a JSON file (an id is made when it has none); prints the dossier's id. */
  async create(options, io) {
    const path = required(options.from, '--from FILE.json');
    let composition: unknown;
    try {
      composition = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new AppError('invalid-input', { detail: '--from must be a readable JSON file', cause: error });
    }
    if (typeof composition !== 'object' || composition === null || Array.isArray(composition)) throw new AppError('invalid-input', { detail: '--from: a dossier composition is a JSON object' });
    const withId = { id: `dossier-${randomUUID()}`, ...composition };
    const saved = await withVault(options, (vault) => cliServices(vault, actor()).dossiers.save(withId));
    io.out(printable(saved.id));
    return EXIT.ok;
  },

  /** Builds the dossier from the records now and writes its PDF or DOCX (not an edition: nothing is kept). */
  async build(options, io) {
    const id = dossierId(options);
    const out = required(options.out, '--out FILE.pdf|.docx');
    const format = formatOf(options);
    const bytes = await withVault(options, async (vault) => {
      const { dossiers } = cliServices(vault, actor());
      const composition = dossiers.get(id);
      const build = await dossiers.build(id, today());
      reportBuild(build, composition.keepOriginal, composition.language);
      // Only the format asked for: a DOCX lays the Doc out for its contents' page numbers without writing a PDF.
      return format === 'pdf' ? renderDossierPdf(build.doc) : renderDossierDocx(build.doc, fingerprintOf(build.doc));
    });
    writeFileAtomic(out, bytes);
    io.out(`Built to ${out}`);
    return EXIT.ok;
  },

  /** Issues the next edition; prints its number, page count and the SHA-256 of its frozen Doc. */
  async issue(options, io) {
    const id = dossierId(options);
    const edition = await withVault(options, (vault) => cliServices(vault, actor()).dossiers.issue(id, today()));
    io.out(`edition ${edition.edition}, ${edition.pages} pages, SHA-256 ${edition.sha256}`);
    for (const file of edition.files) io.out(`${file.role}: ${file.size} bytes, SHA-256 ${file.sha256}`);
    return EXIT.ok;
  },

  /** Writes an edition's PDF or DOCX exactly as it was kept when issued (SHA-256 checked). */
  async export(options, io) {
    const id = dossierId(options);
    const edition = editionOf(options.edition);
    const out = required(options.out, '--out FILE.pdf|.docx');
    const format = formatOf(options);
    const bytes = await withVault(options, (vault) => cliServices(vault, actor()).dossiers.file(id, edition, format).bytes);
    writeFileAtomic(out, bytes);
    io.out(`Exported to ${out}`);
    return EXIT.ok;
  },
};

export const dossierCommands: Record<string, Command> = {
  async dossier(options, io) {
    const [sub] = options.positionals;
    const command = sub && Object.hasOwn(subcommands, sub) ? subcommands[sub] : undefined;
    const extra = options.positionals.length - (sub === 'show' ? 2 : 1);
    if (!command || extra > 0) throw new AppError('invalid-input', { detail: 'dossier list|show|create|build|issue|export' });
    return command(options, io);
  },
};
