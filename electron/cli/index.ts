#!/usr/bin/env node
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { toAppError } from '../errors/app-error.ts';
import { recordCommands } from './commands/record-commands.ts';
import { letterCommands } from './commands/letter-commands.ts';
import { translationCommands } from './commands/translation-commands.ts';
import { registryCommands } from './commands/registry-commands.ts';
import { dossierCommands } from './commands/dossier-commands.ts';
import { vaultCommands, type CommandOptions } from './commands/vault-commands.ts';
import { errorLine, EXIT, exitCodeFor } from './messages.ts';

const USAGE = `usage: npm run cli -- <command> --store DIR [options]

commands:
  init               create a vault; prints the recovery key once
  unlock-check       exit 0 when the passphrase opens the vault
  change-passphrase  set a new passphrase (current from OMBUDS_PASSPHRASE, new from OMBUDS_NEW_PASSPHRASE)
  recover            set a new passphrase with --recovery-key KEY
  backup             --out FILE: write a verified encrypted backup
  restore            --from FILE: restore into an empty folder or over the vault (passphrase of the backup);
                     a restore cut short is completed by the next unlock (restore-journal.json)
  verify             [--json]: integrity, cipher integrity, audit chain, schema version, recovery slot, no
                     damaged write-ahead log set aside; one line (--json: every check with its detail)
  emergency-key      --recovery-key KEY: print the raw 64-hex-digit data key
  import FILE        import a .json interchange file, or incidents from .csv/.xlsx (all or nothing);
                     spreadsheets: [--mapping MAP.json] [--encoding E] [--valid-only] (headers matched by name);
                     a row changes only the columns it maps; --allow-empty lets blank cells empty stored values;
                     --register: the spreadsheet is a register of letters (one letter per row)
  export             --out FILE.json: the case store in the interchange format; --out FILE.csv|.xlsx: the incident list
  search [TEXT]      [--type CODE]… [--from DATE] [--to DATE] [--json]: find incidents
  evidence [FILE…]   --incident ID: store the files as evidence of the incident; without files, list its evidence
  letters            [--counterpart ID] [--overdue] [--as-of DATE] [--json]: the register of letters
  ledger             --counterpart ID [--from DATE] [--to DATE] [--as-of DATE] [--json]: sent, answered, overdue
  letter draft       --kind appeal|follow-up|information-request --counterpart ID --lang ru|tg|en
                     [--incidents ID,ID,…] [--in-reply-to LETTER] [--signatory ID] [--reveal-withheld] [--cite-non-party icrmw,…]
                     [--keep-original ENTITY:ID:FIELD]… --out DRAFT.json: texts missing in the language on stderr
  letter register    --draft DRAFT.json [--date DATE]: prints the assigned registration number on the last line
  letter export      --number NUMBER [--year YYYY] --format pdf|docx --out FILE: the letter as registered
  office             [--set OFFICE.json] [--emblem IMAGE.png|.jpg]: the letterhead, signatories, executor
  translate          --entity incident|source|place|person|counterpart|office --id ID --field F --lang ru|tg|en
                     --text TEXT: save a text a letter draft listed as missing in its language
  dossier list       [--json]: the saved meeting dossiers
  dossier show ID    [--json]: a dossier's composition and its editions
  dossier create     --from FILE.json: save a dossier composition; prints its id
  dossier build      --dossier ID --out FILE.pdf|.docx: build from the records now (missing texts on stderr)
  dossier issue      --dossier ID: freeze the next edition; prints its number and SHA-256
  dossier export     --dossier ID --edition N --out FILE.pdf|.docx: an edition as it was issued

secrets: OMBUDS_PASSPHRASE, else --passphrase-file F (readable by its owner only), else a prompt;
         OMBUDS_NEW_PASSPHRASE, else --new-passphrase-file F, else a prompt. The prompt or a 0600 file is
         safer: the environment is visible to the user's other processes. After 5 wrong attempts each
         try waits longer (1 s, 2 s, 4 s, … 5 min).`;

/** Runs one CLI invocation; returns the exit code. Errors are one line on stderr, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        store: { type: 'string' },
        'passphrase-file': { type: 'string' },
        'new-passphrase-file': { type: 'string' },
        'recovery-key': { type: 'string' },
        out: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        type: { type: 'string', multiple: true },
        json: { type: 'boolean' },
        mapping: { type: 'string' },
        'valid-only': { type: 'boolean' },
        'allow-empty': { type: 'boolean' },
        register: { type: 'boolean' },
        encoding: { type: 'string' },
        incident: { type: 'string' },
        counterpart: { type: 'string' },
        overdue: { type: 'boolean' },
        'as-of': { type: 'string' },
        kind: { type: 'string' },
        lang: { type: 'string' },
        incidents: { type: 'string' },
        'in-reply-to': { type: 'string' },
        signatory: { type: 'string' },
        'reveal-withheld': { type: 'boolean' },
        'cite-non-party': { type: 'string' },
        'keep-original': { type: 'string', multiple: true },
        entity: { type: 'string' },
        id: { type: 'string' },
        field: { type: 'string' },
        text: { type: 'string' },
        draft: { type: 'string' },
        date: { type: 'string' },
        number: { type: 'string' },
        year: { type: 'string' },
        format: { type: 'string' },
        set: { type: 'string' },
        emblem: { type: 'string' },
        dossier: { type: 'string' },
        edition: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    process.stderr.write(`ombuds: ${(error as Error).message}\n${USAGE}\n`);
    return EXIT.usage;
  }
  const [name, ...extra] = parsed.positionals;
  if (parsed.values.help || !name) {
    process.stdout.write(`${USAGE}\n`);
    return parsed.values.help ? EXIT.ok : EXIT.usage;
  }
  const commands = { ...vaultCommands, ...recordCommands, ...registryCommands, ...letterCommands, ...translationCommands, ...dossierCommands };
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  const takesPositionals = name === 'import' || name === 'search' || name === 'evidence' || name === 'letter' || name === 'dossier';
  if (!command || (extra.length > 0 && !takesPositionals)) {
    process.stderr.write(`ombuds: unknown command or extra argument: ${[name, ...extra].join(' ')}\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (!parsed.values.store) {
    process.stderr.write('ombuds: missing --store DIR\n');
    return EXIT.usage;
  }
  const options: CommandOptions = {
    store: resolve(parsed.values.store),
    positionals: extra,
    passphraseFile: parsed.values['passphrase-file'],
    newPassphraseFile: parsed.values['new-passphrase-file'],
    recoveryKey: parsed.values['recovery-key'],
    out: parsed.values.out && resolve(parsed.values.out),
    // --from is a backup file for restore, a composition file for dossier create, and a date for search.
    from: parsed.values.from && (name === 'restore' || name === 'dossier' ? resolve(parsed.values.from) : parsed.values.from),
    to: parsed.values.to,
    types: parsed.values.type,
    json: parsed.values.json,
    mapping: parsed.values.mapping && resolve(parsed.values.mapping),
    validOnly: parsed.values['valid-only'],
    allowEmpty: parsed.values['allow-empty'],
    register: parsed.values.register,
    encoding: parsed.values.encoding,
    incident: parsed.values.incident,
    counterpart: parsed.values.counterpart,
    overdue: parsed.values.overdue,
    asOf: parsed.values['as-of'],
    kind: parsed.values.kind,
    lang: parsed.values.lang,
    incidents: parsed.values.incidents,
    inReplyTo: parsed.values['in-reply-to'],
    signatory: parsed.values.signatory,
    revealWithheld: parsed.values['reveal-withheld'],
    citeNonParty: parsed.values['cite-non-party'],
    keepOriginal: parsed.values['keep-original'],
    entity: parsed.values.entity,
    id: parsed.values.id,
    field: parsed.values.field,
    text: parsed.values.text,
    draft: parsed.values.draft && resolve(parsed.values.draft),
    date: parsed.values.date,
    number: parsed.values.number,
    year: parsed.values.year,
    format: parsed.values.format,
    set: parsed.values.set && resolve(parsed.values.set),
    emblem: parsed.values.emblem && resolve(parsed.values.emblem),
    dossier: parsed.values.dossier,
    edition: parsed.values.edition,
  };
  try {
    return await command(options, { out: (line) => process.stdout.write(`${line}\n`) });
  } catch (error) {
    const appError = toAppError(error);
    process.stderr.write(`${errorLine(appError.code, appError.detail)}\n`);
    return exitCodeFor(appError.code);
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('cli/index.ts')) {
  process.exitCode = await main(process.argv.slice(2));
}
