import { closeSync, fsyncSync, mkdtempSync, openSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { addEvidence } from '../electron/services/evidence/evidence-files.ts';
import { parseInterchange } from '../electron/services/interchange/json-import.ts';
import { importFile } from '../electron/services/interchange/import-file.ts';
import { ftsExpression, searchIncidents } from '../electron/store/repositories/incident-search.ts';
import { createVault, type OpenVault } from '../electron/store/vault.ts';
import { median, report, time, timeAsync } from './report.ts';

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
 * checked against the store and written here. Beside it, parse + check in this process as before, so the cost of the
 * isolation (a process start, the value copied between processes) reads off directly.
 */
export async function benchImport(vault: OpenVault, count: number, scratch: string): Promise<void> {
  const text = generatedFile(count);
  const path = join(scratch, 'generated.json');
  writeFileSync(path, text);
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const inProcessMs = time(() => parseInterchange(vault.db, text));
  const isolatedMs = await timeAsync(() => importFile(vault.db, { path, mode: 'check' }, 'bench'));
  const totalMs = await timeAsync(() => importFile(vault.db, { path, mode: 'all-or-nothing' }, 'bench'));
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(`\nimport of ${count.toLocaleString('en')} generated incidents (+2,000 places, 20,000 persons) from JSON; target ≤ 60 s`);
  report('import: parse + check + write', totalMs, 'target', 60_000);
  report('import: parse (isolated) + check', isolatedMs, 'parse + check in this process', inProcessMs);
  console.log(`import: peak RSS of main ${(peak / 2 ** 20).toFixed(0)} MiB (before ${(rssBefore / 2 ** 20).toFixed(0)} MiB, file ${(text.length / 2 ** 20).toFixed(0)} MiB of JSON)`);
}

/** The same folded FTS5 queries on the encrypted store and on a plain SQLite copy of its search table. */
export function benchSearch(vault: OpenVault, scratch: string): void {
  const plain = new Database(join(scratch, 'plain-fts.db'));
  plain.pragma('journal_mode=WAL');
  plain.exec(`CREATE VIRTUAL TABLE incident_search USING fts5 (title, body, names, sources, tokenize = 'unicode61 remove_diacritics 0')`);
  const insert = plain.prepare('INSERT INTO incident_search (rowid, title, body, names, sources) VALUES (?, ?, ?, ?, ?)');
  plain.transaction(() => {
    for (const row of vault.db.prepare('SELECT rowid, title, body, names, sources FROM incident_search').raw().iterate()) insert.run(...(row as unknown[]));
  })();
  const queries = [...words.tg.slice(0, 6), ...words.ru.slice(0, 6), ...words.en.slice(0, 6), 'сарҳад ғизо', 'border deten', 'Раҳимов 12', 'мигр'];
  // The baseline answers the same question the same way: matches in rowid order, first 200.
  const plainSearch = plain.prepare('SELECT rowid FROM incident_search WHERE incident_search MATCH ? ORDER BY rowid DESC LIMIT 200');
  const ours: number[] = [];
  const baseline: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    for (const q of queries) {
      ours.push(time(() => searchIncidents(vault.db, { text: q, limit: 200 })));
      baseline.push(time(() => plainSearch.all(ftsExpression(q))));
    }
  }
  const p = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]!;
  console.log(`\nsearch over 100,000 incidents: ${queries.length} tg/ru/en queries × 5 rounds, first 200 hits (every generated incident shares a 30-word vocabulary, so most queries match nearly all: a worst case); target p95 ≤ 20 ms`);
  report('search (encrypted store, joined) p50', median(ours), 'plain SQLite FTS5 p50', median(baseline));
  report('search (encrypted store, joined) p95', p(ours, 0.95), 'plain SQLite FTS5 p95', p(baseline, 0.95));
  plain.close();
}

function streamedCopy(from: string, to: string): void {
  const input = openSync(from, 'r');
  const output = openSync(to, 'w');
  const buffer = Buffer.alloc(2 ** 20);
  for (let read = readSync(input, buffer); read > 0; read = readSync(input, buffer)) writeSync(output, buffer, 0, read);
  fsyncSync(output);
  closeSync(input);
  closeSync(output);
}

export function benchEvidence(vault: OpenVault, scratch: string): void {
  const size = 500 * 2 ** 20;
  const source = join(scratch, 'video.mp4');
  const fd = openSync(source, 'w');
  const block = Buffer.alloc(2 ** 20);
  for (let i = 0; i < size / block.length; i += 1) {
    block.fill(i & 0xff);
    block.write('ftypmp42', 4);
    writeSync(fd, block);
  }
  closeSync(fd);
  const incidentId = vault.db.prepare('SELECT id FROM incident LIMIT 1').pluck().get() as string;
  // The baseline copies the way intake reads: 1 MiB at a time through user space, then fsync (intake is durable too).
  const copyMs = time(() => streamedCopy(source, join(scratch, 'copy.mp4')));
  const intakeMs = time(() => addEvidence(vault.db, { incidentId, path: source, actor: 'bench' }));
  // Second baseline: the same 1 MiB chunks into plain SQLite with the store's pragmas, i.e. what SQLite itself
  // costs before any encryption.
  const plainDb = new Database(join(scratch, 'plain-blobs.db'));
  for (const pragma of ['journal_mode=WAL', 'synchronous=FULL', 'secure_delete=ON', 'cache_size=-65536']) plainDb.pragma(pragma);
  plainDb.exec('CREATE TABLE chunk (seq INTEGER PRIMARY KEY, data BLOB NOT NULL) STRICT');
  const insertChunk = plainDb.prepare('INSERT INTO chunk (seq, data) VALUES (?, ?)');
  const plainMs = time(() => {
    const input = openSync(source, 'r');
    const buffer = Buffer.alloc(2 ** 20);
    let seq = 0;
    for (let read = readSync(input, buffer); read > 0; ) {
      plainDb.transaction(() => {
        for (let n = 0; n < 16 && read > 0; n += 1, read = readSync(input, buffer)) insertChunk.run(seq++, buffer.subarray(0, read));
      })();
    }
    closeSync(input);
  });
  plainDb.close();
  const mbps = (ms: number) => size / 2 ** 20 / (ms / 1000);
  console.log('\nevidence intake of a 500 MiB file (SHA-256 + encrypted 1 MiB chunks) beside a streamed copy with fsync; target ≥ 50 % of copy throughput');
  report('intake throughput', mbps(intakeMs), 'streamed copy throughput', mbps(copyMs), 'MiB/s');
  report('intake throughput', mbps(intakeMs), 'plain SQLite chunks, no crypto', mbps(plainMs), 'MiB/s');
}

export async function benchRecords(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'ombuds-bench-'));
  try {
    const { vault } = await createVault(join(scratch, 'vault'), 'benchmark passphrase 2026', { actor: 'bench', kdf: FAST_KDF });
    await benchImport(vault, 100_000, scratch);
    benchSearch(vault, scratch);
    if (process.argv[3] !== 'no-evidence') benchEvidence(vault, scratch);
    vault.close();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
