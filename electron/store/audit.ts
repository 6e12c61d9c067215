import { createHash } from 'node:crypto';
import type { Db } from './open.ts';
import { statement } from './statements.ts';

const GENESIS = '0'.repeat(64);

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_digest: string | null;
  after_digest: string | null;
  prev_hash: string;
  hash: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** JSON with sorted keys, so the same value always has the same digest. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const digest = (value: unknown) => (value === undefined ? null : sha256(canonicalJson(value)));

function rowHash(row: Omit<AuditRow, 'hash'>): string {
  const { prev_hash, ...fields } = row;
  return sha256(`${prev_hash}\n${canonicalJson(fields)}`);
}

/**
 * Appends one audit row chained to the previous one. Call it inside the mutation's transaction so the change
 * and its audit row commit together. Only digests of before/after are kept: the log itself holds no case data.
 */
export function appendAudit(db: Db, entry: AuditEntry, now: Date = new Date()): void {
  const last = statement(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: now.toISOString(),
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId ?? null,
    before_digest: digest(entry.before),
    after_digest: digest(entry.after),
    prev_hash: last?.hash ?? GENESIS,
  };
  statement(db, 
    `INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, before_digest, after_digest, prev_hash, hash)
     VALUES (@seq, @at, @actor, @action, @entity, @entity_id, @before_digest, @after_digest, @prev_hash, @hash)`,
  ).run({ ...row, hash: rowHash(row) });
}

/** Runs `change` and its audit row in one transaction. */
export function audited<T>(db: Db, entry: (result: T) => AuditEntry, change: () => T): T {
  return db.transaction(() => {
    const result = change();
    appendAudit(db, entry(result));
    return result;
  })();
}

export type ChainCheck = { ok: true; rows: number } | { ok: false; rows: number; detail: string };

/** Walks the whole chain: every row must hash to its stored hash and point at its predecessor. */
export function verifyAuditChain(db: Db): ChainCheck {
  let previous = GENESIS;
  let expectedSeq = 1;
  let rows = 0;
  for (const row of statement(db, 'SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    rows += 1;
    if (row.seq !== expectedSeq) return { ok: false, rows, detail: `audit row ${expectedSeq} is missing` };
    if (row.prev_hash !== previous) return { ok: false, rows, detail: `audit row ${row.seq} does not link to row ${row.seq - 1}` };
    const { hash, ...rest } = row;
    if (rowHash(rest) !== hash) return { ok: false, rows, detail: `audit row ${row.seq} was altered` };
    previous = hash;
    expectedSeq += 1;
  }
  return { ok: true, rows };
}
