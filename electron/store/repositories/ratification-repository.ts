import { z } from 'zod';
import { ratificationOverrideSchema, type RatificationOverride } from '../../../shared/domain/ratification.ts';
import type { Db } from '../open.ts';
import { statement } from '../statements.ts';

const storedSchema = z.array(ratificationOverrideSchema);

/**
 * The office's corrections to the shipped ratification table (one entry per state), kept in the settings table
 * under 'ratifications'. A stored value that no longer parses counts as none: the shipped table applies.
 */
export function readRatificationOverrides(db: Db): RatificationOverride[] {
  const raw = statement(db, "SELECT value FROM settings WHERE key = 'ratifications'").pluck().get() as string | undefined;
  const parsed = raw ? storedSchema.safeParse(JSON.parse(raw)) : undefined;
  return parsed?.success ? parsed.data : [];
}

export function writeRatificationOverrides(db: Db, overrides: readonly RatificationOverride[]): void {
  statement(db, "INSERT INTO settings (key, value) VALUES ('ratifications', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify(overrides));
}
