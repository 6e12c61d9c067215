import type { VerifyReport } from '../../shared/domain/vault.ts';
import { toAppError } from '../errors/app-error.ts';
import { verifyAuditChain } from './audit.ts';
import { LATEST_SCHEMA_VERSION, schemaVersion } from './migrate.ts';
import { plural } from '../../shared/domain/plural.ts';
import { checkCipherIntegrity } from './cipher-integrity.ts';
import { checkRecoverySlot, type Envelope } from './envelope.ts';
import type { Db } from './open.ts';
import { setAsideWalCopies } from './wal-check.ts';

type Check = VerifyReport['checks'][number];

function run(name: Check['name'], check: () => { ok: boolean; detail: string }): Check {
  try {
    return { name, ...check() };
  } catch (error) {
    return { name, ok: false, detail: `cannot be read (${toAppError(error).code})` };
  }
}

/**
 * Full checks of an open store: every page's structure and MAC, the audit chain and the schema version.
 * `path` and `dek` are the store file and its key, for the page-by-page cipher check. With the vault's `envelope`,
 * the recovery slot's structure is checked too, so a damaged recovery path is found before it is needed.
 */
export function verifyStore(db: Db, path: string, dek: Buffer, envelope?: Envelope): VerifyReport {
  const checks: Check[] = [
    run('integrity', () => {
      const rows = db.pragma('integrity_check') as { integrity_check: string }[];
      const ok = rows.length === 1 && rows[0]?.integrity_check === 'ok';
      return { ok, detail: ok ? 'ok' : `${plural(rows.length, 'problem')}, first: ${rows[0]?.integrity_check ?? '?'}`.slice(0, 300) };
    }),
    run('cipher-integrity', () => {
      // Move committed WAL frames into the file first, so every page is checked where it will live.
      if (!db.readonly) db.pragma('wal_checkpoint(TRUNCATE)');
      const result = checkCipherIntegrity(path, dek);
      const problems = [
        ...(result.badPages.length ? [`${result.badPages.length === 1 ? 'page' : 'pages'} ${result.badPages.join(', ')} ${result.badPages.length === 1 ? 'fails' : 'fail'} authentication`] : []),
        ...(result.trailingBytes ? [`${result.trailingBytes} bytes past the last whole page`] : []),
      ];
      return { ok: problems.length === 0, detail: problems.length ? problems.join('; ') : `ok (${plural(result.pages, 'page')})` };
    }),
    run('audit-chain', () => {
      const chain = verifyAuditChain(db);
      return { ok: chain.ok, detail: chain.ok ? `ok (${plural(chain.rows, 'row')})` : chain.detail };
    }),
    run('schema-version', () => {
      const version = schemaVersion(db);
      return { ok: version === LATEST_SCHEMA_VERSION, detail: `schema ${version} of ${LATEST_SCHEMA_VERSION}` };
    }),
    ...(envelope ? [run('recovery-slot', () => checkRecoverySlot(envelope, dek))] : []),
    run('wal', () => {
      // Fails for as long as a damaged WAL set aside at an open is kept: the administrator has to look at it
      // (README, Security: restore from a backup, or keep the copy for an expert) and then move it away.
      const copies = setAsideWalCopies(path);
      if (copies.length === 0) return { ok: true, detail: 'ok (no damaged log set aside)' };
      const more = copies.length > 1 ? ` (and ${copies.length - 1} earlier)` : '';
      return { ok: false, detail: `a damaged write-ahead log was set aside at an open; recent changes may be missing; copy kept: ${copies.at(-1)}${more}` };
    }),
  ];
  return { ok: checks.every((check) => check.ok), checks };
}

/** Row counts of every table, to compare a copy with its original. */
export function tableRowCounts(db: Db): Record<string, number> {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  // Table names come from the schema itself, not from input; quoting guards odd names anyway.
  return Object.fromEntries(
    tables.map((name) => [name, db.prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`).pluck().get() as number]),
  );
}
