import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { AppError } from '../../errors/app-error.ts';
import { incidentsCsv } from '../../services/interchange/csv-export.ts';
import { exportInterchange } from '../../services/interchange/json-export.ts';
import { importInterchange, parseInterchange } from '../../services/interchange/json-import.ts';
import { searchIncidents } from '../../store/repositories/incident-search.ts';
import { writeFileAtomic } from '../../store/atomic-write.ts';
import { EXIT } from '../messages.ts';
import { actor, withVault, type Command } from './vault-commands.ts';

function requireJson(path: string, flag: string): void {
  const extension = extname(path).toLowerCase();
  if (extension === '.json') return;
  const detail = ['.csv', '.xlsx'].includes(extension) ? `${extension} files are not supported yet (JSON only)` : `${flag} must be a .json file`;
  throw new AppError('invalid-input', { detail });
}

export const recordCommands: Record<string, Command> = {
  async import(options, io) {
    const file = options.positionals[0];
    if (!file) throw new AppError('invalid-input', { detail: 'missing FILE' });
    requireJson(file, 'FILE');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new AppError('io-error', { detail: 'the file cannot be read' });
    }
    const counts = await withVault(options, (vault) => importInterchange(vault.db, parseInterchange(vault.db, text), actor()));
    for (const section of ['places', 'persons', 'incidents'] as const) {
      io.out(`${section}: ${counts.created[section]} created, ${counts.updated[section]} updated`);
    }
    return EXIT.ok;
  },

  async export(options, io) {
    const out = options.out;
    if (!out) throw new AppError('invalid-input', { detail: 'missing --out' });
    const asCsv = extname(out).toLowerCase() === '.csv';
    if (!asCsv) requireJson(out, '--out');
    const content = await withVault(options, (vault) => (asCsv ? incidentsCsv(vault.db) : exportInterchange(vault.db)));
    writeFileAtomic(out, content);
    io.out(`Exported to ${out}`);
    return EXIT.ok;
  },

  async search(options, io) {
    const hits = await withVault(options, (vault) =>
      searchIncidents(vault.db, {
        text: options.positionals.join(' ') || undefined,
        violationTypes: options.types?.length ? options.types : undefined,
        from: options.from,
        to: options.to,
        limit: 100_000,
      }),
    );
    if (options.json) io.out(JSON.stringify(hits, null, 2));
    else for (const hit of hits) io.out(`${hit.id}\t${hit.startDate}${hit.endDate ? `..${hit.endDate}` : ''}\t${hit.title}`);
    return EXIT.ok;
  },
};

