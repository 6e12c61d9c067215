import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_KDF, readEnvelope, unwrapWithPassphrase } from '../electron/store/envelope.ts';
import { openStore, type Db } from '../electron/store/open.ts';
import { createVault, storePath, unlockVault } from '../electron/store/vault.ts';
import { plainLike } from './plain-store.ts';
import { median, report, time, timeAsync } from './report.ts';

const PASS = 'benchmark passphrase 2026';

/** Unlock = Argon2id key derivation + opening and proving the store, against the 0.5–1 s target. */
export async function benchUnlock(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ombuds-bench-'));
  try {
    (await createVault(dir, PASS, { actor: 'bench' })).vault.close();
    const unlocks: number[] = [];
    const kdfs: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      unlocks.push(await timeAsync(async () => (await unlockVault(dir, PASS)).close()));
      kdfs.push(await timeAsync(async () => (await unwrapWithPassphrase(readEnvelope(dir), PASS)).fill(0)));
    }
    const kdf = `Argon2id m=${DEFAULT_KDF.memoryKiB / 1024} MiB t=${DEFAULT_KDF.iterations} p=${DEFAULT_KDF.parallelism}`;
    console.log(`\nunlock (${kdf}), median of 5; target 500–1000 ms`);
    report('unlock: KDF + open', median(unlocks), 'target upper bound', 1000);
    report('unlock: KDF + open', median(unlocks), 'target lower bound', 500);
    report('unlock: KDF alone', median(kdfs), 'unlock total', median(unlocks));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ROWS = 20_000;
const words = ['задержан', 'граница', 'мигрант', 'ҳуқуқ', 'муҳоҷир', 'detention', 'border', 'police', 'сарҳад', 'документ', 'ғизо', 'expulsion'];
const text = (i: number, n: number) => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');

/** The same insert / point query / FTS workload, run on one connection. */
function workload(db: Db): { insert: number; query: number; fts: number } {
  db.exec(`CREATE TABLE item (id INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL) STRICT;
           CREATE VIRTUAL TABLE item_fts USING fts5(title, body, content='item', content_rowid='id', tokenize='unicode61 remove_diacritics 2');`);
  const insert = db.prepare('INSERT INTO item (id, title, body) VALUES (?, ?, ?)');
  const index = db.prepare('INSERT INTO item_fts (rowid, title, body) VALUES (?, ?, ?)');
  const insertMs = time(() => {
    for (let batch = 0; batch < ROWS; batch += 1000) {
      db.transaction(() => {
        for (let i = batch; i < batch + 1000; i += 1) {
          const [title, body] = [text(i, 6), text(i + 1, 60)];
          insert.run(i + 1, title, body);
          index.run(i + 1, title, body);
        }
      })();
    }
  });
  const byId = db.prepare('SELECT title FROM item WHERE id = ?');
  const queryMs = time(() => {
    for (let i = 0; i < 20_000; i += 1) byId.get(((i * 7919) % ROWS) + 1);
  });
  const match = db.prepare('SELECT rowid FROM item_fts WHERE item_fts MATCH ? ORDER BY rank LIMIT 50');
  const ftsMs = time(() => {
    for (let i = 0; i < 300; i += 1) match.all(`${words[i % words.length]}* ${words[(i + 5) % words.length]}`);
  });
  return { insert: insertMs, query: queryMs, fts: ftsMs };
}

/**
 * Encrypted store against plain SQLite configured with the same pragmas (read from the encrypted connection), the
 * same workload on each; the side that runs first alternates from round to round, median of four rounds each.
 */
export function benchStoreOverhead(): void {
  const results = { encrypted: [] as ReturnType<typeof workload>[], plain: [] as ReturnType<typeof workload>[] };
  for (let round = 0; round < 4; round += 1) {
    const dir = mkdtempSync(join(tmpdir(), 'ombuds-bench-'));
    try {
      const encrypted = openStore(storePath(dir), Buffer.alloc(32, round + 1), { create: true });
      const plain = plainLike(encrypted, join(dir, 'plain.db'));
      const sides = round % 2 === 0 ? (['plain', 'encrypted'] as const) : (['encrypted', 'plain'] as const);
      for (const side of sides) results[side].push(workload(side === 'plain' ? plain : encrypted));
      plain.close();
      encrypted.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log(`\nstore overhead: ${ROWS} rows (insert + FTS5 index), 20,000 lookups by id, 300 FTS prefix queries, the same on both; median of 4 rounds, alternating which side runs first; target ≤ 1.25×`);
  for (const key of ['insert', 'query', 'fts'] as const) {
    report(`encrypted store: ${key}`, median(results.encrypted.map((r) => r[key])), `plain SQLite, same pragmas: ${key}`, median(results.plain.map((r) => r[key])));
  }
  const total = (r: ReturnType<typeof workload>) => r.insert + r.query + r.fts;
  report('encrypted store: whole workload', median(results.encrypted.map(total)), 'plain SQLite, same pragmas: whole', median(results.plain.map(total)));
}
