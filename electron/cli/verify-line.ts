import type { VerifyReport } from '../../shared/domain/vault.ts';

type Check = VerifyReport['checks'][number];

/**
 * What a passing check adds to the line: its detail without the "ok" (`ok (412 pages)` → `412 pages`). A detail
 * that names its own check stands alone (`schema 5 of 5` rather than `schema-version (schema 5 of 5)`).
 */
function passed(check: Check): string {
  const detail = check.detail.replace(/^ok\b\s*/, '').replace(/^\((.*)\)$/, '$1');
  if (!detail) return check.name;
  return detail.startsWith(`${check.name.split('-')[0]} `) ? detail : `${check.name} (${detail})`;
}

/**
 * `verify` in one line, whatever checks the store runs: `ok: integrity, cipher-integrity (412 pages), audit-chain
 * (13 rows), schema 5 of 5`. A failure is one line too, naming only the failing checks with what failed.
 */
export function verifyLine(report: VerifyReport): string {
  if (report.ok) return `ok: ${report.checks.map(passed).join(', ')}`;
  return `verify failed — ${report.checks
    .filter((check) => !check.ok)
    .map((check) => `${check.name}: ${check.detail}`)
    .join('; ')}`;
}
