import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { importFile } from '../electron/services/interchange/import-file.ts';
import { parseImportFile } from '../electron/services/interchange/parse-import-file.ts';
import type { ParseHost } from '../electron/services/isolation/parse-host.ts';
import type { Db } from '../electron/store/open.ts';
import { tableRowCounts } from '../electron/store/verify.ts';
import { errorCodes } from '../shared/ipc/result.ts';
import { hostileText, hostileValue, outcome, quotesInput } from './hostile-values.ts';
import { fixture } from './vaults.ts';

/** The parser in this process: the properties test what is read, not the process boundary (the CLI sample does). */
export const inProcessParser: ParseHost = { parse: (request) => parseImportFile(request) };

type Json = unknown;
type Step = string | number;

/** Every path to a value inside `value` (objects and arrays), the root included. */
function paths(value: Json, at: Step[] = []): Step[][] {
  const found: Step[][] = [at];
  if (Array.isArray(value)) value.forEach((item, i) => found.push(...paths(item, [...at, i])));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) found.push(...paths(item, [...at, key]));
  return found;
}

type Mutation = { kind: 'set' | 'delete' | 'add-field' | 'duplicate'; pick: number; value: unknown; name: string };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('set', 'set', 'delete', 'add-field', 'duplicate'),
  pick: fc.nat(),
  value: hostileValue,
  name: fc.oneof(hostileText, fc.constantFrom('id', 'title', 'startDate', 'placeId', 'victimIds', 'format', '__proto__', 'constructor')),
});

/** Applies mutations to a deep copy of the fixture: changed, deleted, added or duplicated values at random paths. */
function mutate(base: Json, mutations: readonly Mutation[]): Json {
  const root = structuredClone(base) as Record<string, unknown>;
  for (const change of mutations) {
    const all = paths(root).filter((path) => path.length > 0);
    const path = all[change.pick % all.length]!;
    const parent = path.slice(0, -1).reduce<unknown>((node, step) => (node as Record<Step, unknown>)[step], root) as Record<Step, unknown> | unknown[];
    const last = path.at(-1)!;
    const target = parent as Record<Step, unknown>;
    if (change.kind === 'set') target[last] = change.value;
    else if (change.kind === 'delete' && Array.isArray(parent)) parent.splice(Number(last), 1);
    else if (change.kind === 'delete') delete target[last];
    else if (change.kind === 'duplicate' && Array.isArray(parent)) parent.push(structuredClone(parent[Number(last)]));
    else if (change.kind === 'add-field' && target[last] && typeof target[last] === 'object' && !Array.isArray(target[last])) Object.defineProperty(target[last], change.name, { value: change.value, enumerable: true, configurable: true, writable: true });
  }
  return root;
}

/** What an import must do with any file: a report or a clean refusal, the store untouched unless it imported. */
export async function importInvariant(db: Db, path: string, request: Partial<Parameters<typeof importFile>[1]> = {}): Promise<string | null> {
  const before = JSON.stringify(tableRowCounts(db));
  let report: Awaited<ReturnType<typeof importFile>>;
  try {
    report = await importFile(db, { path, mode: 'all-or-nothing', ...request }, 'proof', { parser: inProcessParser });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const detail = (error as { detail?: string }).detail;
    outcome(`import: refused whole (${code})`);
    if (!code || !(errorCodes as readonly string[]).includes(code)) return `threw a non-AppError: ${(error as Error).name}: ${String((error as Error).message).slice(0, 120)}`;
    if (code === 'internal') return 'internal error';
    if (quotesInput(detail)) return `the error detail quotes the file: ${code}`;
    return JSON.stringify(tableRowCounts(db)) === before ? null : `refused (${code}) but the store changed`;
  }
  const refused = report.counts === null;
  outcome(refused ? (report.issueCount ? 'import: refused, problems named' : 'import: nothing imported') : 'import: imported');
  if (refused && JSON.stringify(tableRowCounts(db)) !== before) return 'refused but the store changed';
  for (const issue of report.pathIssues) {
    if (!issue.path.startsWith('$')) return `a problem without its JSON path: ${issue.path.slice(0, 40)}`;
    if (quotesInput(issue.message)) return `a problem message quotes the file (${issue.path.slice(0, 60)})`;
  }
  for (const issue of report.rowIssues) {
    if (!Number.isInteger(issue.row) || issue.row < 1 || !issue.field) return 'a row problem without its row and field';
    if (quotesInput(issue.problem)) return `a row problem quotes the file (row ${issue.row})`;
  }
  return null;
}

export function interchangeProperties(db: Db, folder: string): { name: string; property: fc.IAsyncProperty<[unknown]> }[] {
  const base = JSON.parse(readFileSync(fixture('border-detention.json'), 'utf8')) as Json;
  let n = 0;
  const write = (text: string | Buffer) => {
    const path = join(folder, `hostile-${(n += 1)}.json`);
    writeFileSync(path, text);
    return path;
  };
  return [
    {
      name: 'interchange JSON: the fixture with random changes',
      property: fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), async (mutations) => {
        const problem = await importInvariant(db, write(JSON.stringify(mutate(base, mutations))));
        if (problem) throw new Error(problem);
      }) as fc.IAsyncProperty<[unknown]>,
    },
    {
      name: 'interchange JSON: arbitrary structures',
      property: fc.asyncProperty(
        fc.oneof(
          fc.jsonValue({ maxDepth: 4 }),
          fc.record({ format: fc.constantFrom('ombuds-dossier/1', 'ombuds-dossier/2', 1), incidents: fc.array(fc.dictionary(fc.constantFrom('id', 'title', 'startDate', 'x'), hostileValue), { maxLength: 4 }) }, { requiredKeys: [] }),
        ),
        async (value) => {
          const problem = await importInvariant(db, write(JSON.stringify(value) ?? 'undefined'));
          if (problem) throw new Error(problem);
        },
      ) as fc.IAsyncProperty<[unknown]>,
    },
    {
      name: 'interchange JSON: arbitrary bytes',
      property: fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 400 }), fc.string({ unit: 'binary' }).map((text) => Buffer.from(text, 'utf16le'))), async (bytes) => {
        const problem = await importInvariant(db, write(Buffer.from(bytes)));
        if (problem) throw new Error(problem);
      }) as fc.IAsyncProperty<[unknown]>,
    },
  ];
}
