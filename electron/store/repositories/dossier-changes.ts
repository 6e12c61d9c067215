import type { Db } from '../open.ts';
import { statement } from '../statements.ts';

/**
 * Of `incidentIds`, those the audit log shows changed after the dossier `dossierId` was last saved (created, saved or
 * duplicated): an edit of the incident or a translation of one of its texts. Ordered by the audit's sequence, not by
 * clock, so an edit in the same millisecond as the save is still seen; a dossier with no audit row of its own (never
 * the case for one saved through the service) falls back to its `updated_at`.
 */
export function incidentsChangedSince(db: Db, dossierId: string, incidentIds: readonly string[]): string[] {
  if (incidentIds.length === 0) return [];
  const saved = statement(
    db,
    `SELECT max(seq) FROM audit_log WHERE entity = 'dossier' AND entity_id = ? AND action IN ('dossier.create', 'dossier.save', 'dossier.duplicate')`,
  ).pluck().get(dossierId) as number | null;
  const changed = new Set(
    (saved !== null
      ? statement(db, `SELECT DISTINCT entity_id FROM audit_log WHERE entity = 'incident' AND seq > ?`).pluck().all(saved)
      : statement(db, `SELECT DISTINCT a.entity_id FROM audit_log a, dossier d WHERE d.id = ? AND a.entity = 'incident' AND a.at > d.updated_at`).pluck().all(dossierId)) as string[],
  );
  return incidentIds.filter((id) => changed.has(id));
}
