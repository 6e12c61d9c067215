import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { letterKinds } from '../../../shared/templates/letters/input.ts';
import type { InstrumentCode } from '../../../shared/domain/ratification.ts';
import { missingTextKey } from '../../../shared/domain/translations.ts';
import { isoDateSchema } from '../../../shared/domain/records.ts';
import { localToday } from '../../../shared/domain/calendar.ts';
import { AppError } from '../../errors/app-error.ts';
// The one store module the CLI may use: a file write with no access to the store (see eslint.config.js).
import { writeFileAtomic } from '../../store/atomic-write.ts';
import { EXIT } from '../messages.ts';
import { printable, printableJson } from '../printable.ts';
import { cliServices } from '../services.ts';
import { actor, withVault, type Command, type CommandOptions } from './vault-commands.ts';

const today = () => localToday();

function readJson(path: string | undefined, flag: string): unknown {
  if (!path) throw new AppError('invalid-input', { detail: `missing ${flag}` });
  try {
    return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AppError('invalid-input', { detail: `${flag} must be a readable JSON file`, cause: error });
  }
}

function date(value: string | undefined, flag: string): string {
  if (value === undefined) return today();
  if (!isoDateSchema.safeParse(value).success) throw new AppError('invalid-input', { detail: `${flag} must be a date YYYY-MM-DD` });
  return value;
}

const subcommands: Record<string, Command> = {
  /** The Doc of a new letter as JSON, to edit and then register. */
  async draft(options, io) {
    const kind = options.kind;
    if (!kind || !(letterKinds as readonly string[]).includes(kind)) throw new AppError('invalid-input', { detail: `--kind must be one of ${letterKinds.join(', ')}` });
    if (!options.counterpart) throw new AppError('invalid-input', { detail: 'missing --counterpart' });
    if (!options.out) throw new AppError('invalid-input', { detail: 'missing --out DRAFT.json' });
    const request = {
      kind: kind as (typeof letterKinds)[number],
      counterpartId: options.counterpart,
      language: (options.lang ?? 'ru') as 'ru',
      incidentIds: (options.incidents ?? '').split(',').map((id) => id.trim()).filter(Boolean),
      ...(options.inReplyTo ? { inReplyTo: options.inReplyTo } : {}),
      ...(options.signatory ? { signatoryId: options.signatory } : {}),
      revealWithheld: options.revealWithheld ?? false,
      // Codes the schema checks (an unknown one is refused by its path); cited only by this deliberate choice.
      citeDespiteNonParty: (options.citeNonParty ?? '').split(',').map((code) => code.trim()).filter(Boolean) as InstrumentCode[],
      keepOriginal: options.keepOriginal ?? [],
    };
    const asOf = date(options.asOf, '--as-of');
    const draft = await withVault(options, (vault) => cliServices(vault, actor()).letters.draft(request, asOf));
    writeFileAtomic(options.out, `${JSON.stringify(draft, null, 2)}\n`);
    for (const warning of draft.warnings) process.stderr.write(`warning: ${printable(warning)}\n`);
    // Every text missing in the letter's language, by its record and field (never its text): translate each, or keep it.
    for (const missing of draft.missing) {
      const kept = draft.request.keepOriginal.includes(missingTextKey(missing));
      process.stderr.write(`missing: ${missing.entity} ${printable(missing.id)} ${printable(missing.field)} (${draft.request.language})${kept ? ', original kept' : ''}\n`);
    }
    io.out(`Draft written to ${options.out}`);
    return EXIT.ok;
  },

  /** Registers a draft: prints the assigned registration number alone on the last line. */
  async register(options, io) {
    const draft = readJson(options.draft, '--draft DRAFT.json');
    const on = date(options.date, '--date');
    const result = await withVault(options, (vault) => cliServices(vault, actor()).letters.register(draft, on));
    io.out(result.created ? `registered, SHA-256 ${result.fingerprint}` : `already registered, SHA-256 ${result.fingerprint}`);
    io.out(printable(result.letter.number));
    return EXIT.ok;
  },

  /** Writes the registered PDF or DOCX of a letter, as it was kept at registration. */
  async export(options, io) {
    const format = options.format ?? (options.out ? extname(options.out).slice(1).toLowerCase() : '');
    if (format !== 'pdf' && format !== 'docx') throw new AppError('invalid-input', { detail: '--format must be pdf or docx' });
    if (!options.number) throw new AppError('invalid-input', { detail: 'missing --number' });
    if (!options.out) throw new AppError('invalid-input', { detail: 'missing --out FILE' });
    const number = options.number;
    const out = options.out;
    await withVault(options, (vault) => {
      const { registry, letters } = cliServices(vault, actor());
      const matches = registry.letters().filter((letter) => letter.direction === 'outgoing' && letter.number === number && (!options.year || letter.date.startsWith(`${options.year}-`)));
      if (matches.length === 0) throw new AppError('not-found', { detail: `no outgoing letter No. ${number}` });
      if (matches.length > 1) throw new AppError('invalid-input', { detail: `No. ${number} was used in ${matches.map((l) => l.date.slice(0, 4)).join(', ')}: add --year` });
      writeFileAtomic(out, letters.file(matches[0]!.id, format).bytes);
    });
    io.out(`Exported to ${out}`);
    return EXIT.ok;
  },
};

/** The office's letter settings: printed, or set from a JSON file (and an emblem image). */
async function office(options: CommandOptions, io: { out(line: string): void }): Promise<number> {
  const result = await withVault(options, (vault) => {
    const service = cliServices(vault, actor()).letters;
    if (!options.set && !options.emblem) return service.office();
    const base = options.set ? readJson(options.set, '--set OFFICE.json') : service.office();
    let emblem = (base as { emblem?: unknown }).emblem ?? null;
    if (options.emblem) emblem = service.emblemFromFile(options.emblem);
    return service.saveOffice({ ...(base as object), emblem });
  });
  io.out(printableJson({ ...result, emblem: result.emblem ? `${result.emblem.mediaType}, ${Math.round((result.emblem.base64.length * 3) / 4 / 1024)} KiB` : null }));
  return EXIT.ok;
}

export const letterCommands: Record<string, Command> = {
  async letter(options, io) {
    const [sub] = options.positionals;
    const command = sub && Object.hasOwn(subcommands, sub) ? subcommands[sub] : undefined;
    if (!command || options.positionals.length > 1) throw new AppError('invalid-input', { detail: 'letter draft|register|export' });
    return command(options, io);
  },
  office,
};
