import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from './open.ts';

const cache = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement, compiled once per connection. Repositories run the same SQL for every record of a
 * 100,000-row import; preparing it each time would keep that many native statements alive until garbage
 * collection (gigabytes of memory that V8 does not see).
 */
export function statement(db: Db, sql: string): Statement {
  let byText = cache.get(db);
  if (!byText) cache.set(db, (byText = new Map()));
  let prepared = byText.get(sql);
  if (!prepared) byText.set(sql, (prepared = db.prepare(sql)));
  return prepared;
}
