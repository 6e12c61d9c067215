import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile } from '../electron/services/interchange/import-file.ts';
import { checkInterchange } from '../electron/services/interchange/json-import.ts';
import { parseImportFile } from '../electron/services/interchange/parse-import-file.ts';
import type { Db } from '../electron/store/open.ts';
import { createVault } from '../electron/store/vault.ts';
import { benchEvidence } from './evidence.bench.ts';
import { plainVaultStore } from './plain-store.ts';
import { report, timeAsync } from './report.ts';
import { benchSearch } from './search.bench.ts';

const FAST_KDF = { memoryKiB: 65_536, iterations: 3, parallelism: 4 };
const words = {
  tg: ['боздошт', 'сарҳад', 'муҳоҷир', 'ғизо', 'ҳуқуқ', 'занон', 'кӯдакон', 'пулис', 'ҳуҷҷат', 'ихроҷ'],
  ru: ['задержание', 'граница', 'мигрант', 'питание', 'избиение', 'документы', 'выдворение', 'полиция', 'женщины', 'дети'],
  en: ['detention', 'border', 'migrant', 'food', 'beating', 'documents', 'expulsion', 'police', 'women', 'children'],
};
const all = [...words.tg, ...words.ru, ...words.en];
const pick = (i: number, k: number) => all[(i * 31 + k * 17) % all.length]!;

/** A generated interchange file: 100,000 incidents over 2,000 places and 20,000 persons. */
export function generatedFile(incidents: number): string {
  const places = Array.from({ length: 2000 }, (_, i) => ({ id: `pl-${i}`, name: `Place ${i} ${pick(i, 1)}`, kind: 'border-crossing', country: ['RU', 'KZ', 'UZ', 'KG'][i % 4] }));
  const persons = Array.from({ length: 20_000 }, (_, i) =>
    i % 10 === 0
      ? { id: `ps-${i}`, kind: 'group', name: `${(i % 50) + 2} ${pick(i, 2)}`, count: (i % 50) + 2, characteristics: ['migrant-workers', 'women'] }
      : { id: `ps-${i}`, kind: 'individual', name: `Раҳимов ${pick(i, 3)} ${i}`, nameLatin: `Rakhimov ${i}`, characteristics: ['migrant-workers'] },
  );
  const types = ['arbitrary-detention', 'prolonged-border-detention', 'ill-treatment', 'deprivation-of-food-water', 'expulsion-without-court-decision'];
  const list = Array.from({ length: incidents }, (_, i) => {
    const day = new Date(Date.UTC(2020, 0, 1) + (i % 1800) * 86_400_000).toISOString().slice(0, 10);
    return {
      id: `in-${i}`,
      title: `${pick(i, 4)} ${pick(i, 5)} ${i}`,
      description: Array.from({ length: 40 }, (_, k) => pick(i, k + 6)).join(' '),
      startDate: day,
      endDate: day,
      placeId: `pl-${i % 2000}`,
      violationTypes: [types[i % 5]!, types[(i + 2) % 5]!],
      victimIds: [`ps-${i % 20_000}`],
      sources: [{ type: 'media-report', reference: `https://news.example/${i} ${pick(i, 7)}` }],
    };
  });
  return JSON.stringify({ format: 'ombuds-dossier/1', places, persons, incidents: list });
}

/**
 * The import as the app runs it: the file is read and parsed in an isolated process (issue 10), its values sent back,
 * checked against the store and written here, through `importFile`. Two comparisons, each with the same work on both
 * sides:
 * - the whole import into the encrypted store beside the same file imported the same way into a plain store with the
 *   same schema and pragmas (the cost of encryption on an import);
 * - read + parse in the isolated process + check beside read + parse + check in this process (`parseImportFile`, the
 *   function the isolated process runs, then the same check), so the cost of the isolation (a process start, the
 *   values copied between processes) reads off directly.
 * A smaller import into a throwaway store runs first so that neither side pays for compiling the import code.
 */
export async function benchImport(encrypted: Db, plain: Db, count: number, scratch: string): Promise<void> {
  const warmPath = join(scratch, 'warm-up.json');
  writeFileSync(warmPath, generatedFile(1000));
  const warm = plainVaultStore(encrypted, join(scratch, 'warm-up.db'));
  await importFile(warm, { path: warmPath, mode: 'all-or-nothing' }, 'bench');
  warm.close();

  const text = generatedFile(count);
  const path = join(scratch, 'generated.json');
  writeFileSync(path, text);
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const inProcessMs = await timeAsync(async () => {
    const parsed = await parseImportFile({ path, format: 'json' });
    if (parsed.format === 'json') checkInterchange(encrypted, parsed.json);
  });
  const isolatedMs = await timeAsync(() => importFile(encrypted, { path, mode: 'check' }, 'bench'));
  const encryptedMs = await timeAsync(() => importFile(encrypted, { path, mode: 'all-or-nothing' }, 'bench'));
  const plainMs = await timeAsync(() => importFile(plain, { path, mode: 'all-or-nothing' }, 'bench'));
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(`\nimport of ${count.toLocaleString('en')} generated incidents (+2,000 places, 20,000 persons) from JSON through importFile; target ≤ 60 s`);
  report('import into encrypted store', encryptedMs, 'same import into plain store', plainMs);
  report('import into encrypted store', encryptedMs, 'target', 60_000);
  report('import: parse (isolated) + check', isolatedMs, 'parse + check in this process', inProcessMs);
  console.log(`import: peak RSS of main ${(peak / 2 ** 20).toFixed(0)} MiB (before ${(rssBefore / 2 ** 20).toFixed(0)} MiB, file ${(text.length / 2 ** 20).toFixed(0)} MiB of JSON)`);
}

/**
 * The records benchmarks on a 100,000-incident vault and, beside it, a plain store given the same import; search and
 * evidence intake then run the same work on both.
 */
export async function benchRecords(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'ombuds-bench-'));
  try {
    const { vault } = await createVault(join(scratch, 'vault'), new TextEncoder().encode('benchmark passphrase 2026'), { actor: 'bench', kdf: FAST_KDF });
    const plain = plainVaultStore(vault.db, join(scratch, 'plain-store.db'));
    try {
      await benchImport(vault.db, plain, 100_000, scratch);
      benchSearch(vault.db, plain, words);
      if (process.argv[3] !== 'no-evidence') benchEvidence(vault.db, plain, scratch);
    } finally {
      plain.close();
      vault.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
