import { AUTO_LOCK_MINUTES_DEFAULT, EVIDENCE_MAX_MIB_DEFAULT, settingsSchema, type Settings } from '../../../shared/domain/vault.ts';
import type { Db } from '../open.ts';
import { statement } from '../statements.ts';

const DEFAULTS: Settings = { autoLockMinutes: AUTO_LOCK_MINUTES_DEFAULT, evidenceMaxMiB: EVIDENCE_MAX_MIB_DEFAULT };

/** The vault's settings (auto-lock, evidence size limit); the letter settings have their own repositories. */
export function readSettings(db: Db): Settings {
  const rows = statement(db, 'SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored = Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
  // Unknown or out-of-range stored values fall back to defaults rather than blocking unlock.
  const parsed = settingsSchema.partial().safeParse(stored);
  return { ...DEFAULTS, ...(parsed.success ? parsed.data : {}) };
}

export function writeSettings(db: Db, changes: Partial<Settings>): void {
  const upsert = statement(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  for (const [key, value] of Object.entries(changes)) upsert.run(key, JSON.stringify(value));
}
