import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listXlsx } from '../electron/services/interchange/sheets/xlsx-write.ts';
import { EVIDENCE_INCIDENTS, type Ledger } from './ledger.ts';
import type { Rng } from './rng.ts';
import { cli, expectOk } from './vaults.ts';

/** The commands the kill -9 suite interrupts. */
export const operations = ['import-json', 'import-xlsx', 'evidence', 'register', 'backup', 'restore'] as const;
export type Operation = (typeof operations)[number];

/** Registrations are dated one fixed day, so their numbers (01-12/1, 01-12/2, …) can be checked for gaps. */
export const REGISTRATION_DATE = '2025-01-10';
export const NUMBER_PREFIX = '01-12/';

/** A backup the chain made whole, with what the vault held when it was made. */
export interface KnownBackup {
  file: string;
  ledger: Ledger;
}

/** One command, ready to run: its CLI arguments and what it adds to the ledger when it is wholly there. */
export interface PreparedOperation {
  operation: Operation;
  args: string[];
  /** Keys the command adds; for a registration, the key's prefix (the number is assigned by the command). */
  adds: string[];
  /** restore: the ledger the vault holds once the restore is wholly there. */
  restores?: KnownBackup;
  /** backup: the file it writes. */
  backupFile?: string;
}

export interface ChainContext {
  dir: string;
  /** Where the chain keeps its inputs and backups (outside the vault folder). */
  files: string;
  rng: Rng;
  run: number;
  backups: KnownBackup[];
}

const incidentIds = (context: ChainContext, count: number) => Array.from({ length: count }, (_, i) => `in-proof-${context.run}-${i + 1}`);

function importJson(context: ChainContext): PreparedOperation {
  const ids = incidentIds(context, context.rng.int(3, 40));
  const place = `pl-proof-${context.run}`;
  const file = join(context.files, `import-${context.run}.json`);
  const incidents = ids.map((id, i) => ({
    id,
    title: `Проверка ${context.run}-${i + 1}: задержание на границе`,
    description: 'Созданный набор для проверки устойчивости.',
    startDate: `2024-0${1 + (i % 9)}-1${i % 10}`,
    placeId: place,
    violationTypes: ['prolonged-border-detention'],
    victimIds: ['ps-rahimov'],
    sources: [{ type: 'social-media-video', reference: `https://example.org/proof/${context.run}/${i}`, date: '2024-10-01', reliability: 'probable' }],
  }));
  const json = { format: 'ombuds-dossier/1', places: [{ id: place, name: `Пункт ${context.run}`, kind: 'border-crossing', country: 'KZ' }], persons: [], counterparts: [], incidents, letters: [] };
  writeFileSync(file, JSON.stringify(json));
  return { operation: 'import-json', args: ['import', '--store', context.dir, file], adds: ids.map((id) => `incident:${id}`) };
}

async function importXlsx(context: ChainContext): Promise<PreparedOperation> {
  const ids = incidentIds(context, context.rng.int(3, 40));
  const file = join(context.files, `import-${context.run}.xlsx`);
  const mapping = join(context.files, 'mapping.json');
  writeFileSync(mapping, JSON.stringify({ id: 0, title: 1, startDate: 2, country: 3 }));
  const rows = ids.map((id, i) => [id, `Проверка таблицы ${context.run}-${i + 1}`, `2024-1${i % 3}-0${1 + (i % 9)}`, 'RU']);
  writeFileSync(file, await listXlsx(['ID', 'Title', 'Start date', 'Country'], rows, { now: new Date('2025-01-01T00:00:00Z') }));
  return { operation: 'import-xlsx', args: ['import', '--store', context.dir, '--mapping', mapping, file], adds: ids.map((id) => `incident:${id}`) };
}

function evidence(context: ChainContext): PreparedOperation {
  // Mostly a few chunks (1 MiB each, 16 per transaction); now and then more than one transaction's worth.
  const size = context.rng.next() < 0.15 ? context.rng.int(17, 24) * 1024 ** 2 : context.rng.int(1, 6 * 1024 ** 2);
  const bytes = context.rng.bytes(size);
  const file = join(context.files, `evidence-${context.run}.bin`);
  writeFileSync(file, bytes);
  const incident = context.rng.pick(EVIDENCE_INCIDENTS);
  const digest = createHash('sha256').update(bytes).digest('hex');
  return { operation: 'evidence', args: ['evidence', '--store', context.dir, '--incident', incident, file], adds: [`evidence:${incident}:${digest}`] };
}

function register(context: ChainContext): PreparedOperation {
  const draft = join(context.files, `draft-${context.run}.json`);
  const kind = context.rng.pick(['follow-up', 'appeal', 'information-request'] as const);
  const lang = context.rng.pick(['ru', 'tg', 'en'] as const);
  const incidents = kind === 'follow-up' ? [] : ['--incidents', EVIDENCE_INCIDENTS.join(',')];
  // Drafting only reads the store; it runs whole. The registration is the command that is killed. The scenario's
  // records are in one language; a letter in another lists their texts as missing and would be refused, so the
  // draft keeps each original deliberately (the CLI's --keep-original) — this suite proves crash safety, and
  // test/integration/letter-languages.test.ts the translations.
  const drafting = ['letter', 'draft', '--store', context.dir, '--kind', kind, '--counterpart', 'cp-kz-ombudsman', '--lang', lang, ...incidents, '--as-of', REGISTRATION_DATE, '--out', draft];
  expectOk(cli(drafting), 'letter draft');
  const missing = (JSON.parse(readFileSync(draft, 'utf8')) as { missing: { entity: string; id: string; field: string }[] }).missing;
  if (missing.length) expectOk(cli([...drafting, ...missing.flatMap((text) => ['--keep-original', `${text.entity}:${text.id}:${text.field}`])]), 'letter draft, originals kept');
  const id = (JSON.parse(readFileSync(draft, 'utf8')) as { id: string }).id;
  return { operation: 'register', args: ['letter', 'register', '--store', context.dir, '--draft', draft, '--date', REGISTRATION_DATE], adds: [`letter:${id}:`] };
}

function backup(context: ChainContext): PreparedOperation {
  const file = join(context.files, `backup-${context.run}.ombudsbackup`);
  return { operation: 'backup', args: ['backup', '--store', context.dir, '--out', file], adds: [], backupFile: file };
}

function restore(context: ChainContext): PreparedOperation {
  const from = context.rng.pick(context.backups);
  return { operation: 'restore', args: ['restore', '--store', context.dir, '--from', from.file], adds: [], restores: from };
}

export async function prepare(operation: Operation, context: ChainContext): Promise<PreparedOperation> {
  switch (operation) {
    case 'import-json':
      return importJson(context);
    case 'import-xlsx':
      return importXlsx(context);
    case 'evidence':
      return evidence(context);
    case 'register':
      return register(context);
    case 'backup':
      return backup(context);
    case 'restore':
      return restore(context);
  }
}
