import { z } from 'zod';
import { countryCodeSchema } from '../../../shared/domain/countries.ts';
import { ratificationOverrideSchema, ratificationRows, type RatificationRow } from '../../../shared/domain/ratification.ts';
import { AppError } from '../../errors/app-error.ts';
import { audited } from '../../store/audit.ts';
import type { Db } from '../../store/open.ts';
import { readRatificationOverrides, writeRatificationOverrides } from '../../store/repositories/ratification-repository.ts';

const fields = (error: z.ZodError) => error.issues.map((issue) => issue.path.join('.') || '(entry)').join(', ').slice(0, 500);

/**
 * The ratification table staff see and correct in Settings: the shipped entries, each replaceable by an override
 * kept in the vault, and put back to the shipped entry on request. Every change is audited with before and after,
 * since it decides which treaties letters cite.
 */
export class RatificationSettings {
  private readonly store: () => Db;
  private readonly actor: string;

  constructor(store: () => Db, actor: string) {
    this.store = store;
    this.actor = actor;
  }

  rows(): RatificationRow[] {
    return ratificationRows(readRatificationOverrides(this.store()));
  }

  /** Sets one state's entry (all seven treaties); replaces an earlier override of that state. */
  save(input: unknown): RatificationRow[] {
    const parsed = ratificationOverrideSchema.safeParse(input);
    if (!parsed.success) throw new AppError('invalid-input', { detail: fields(parsed.error) });
    const override = parsed.data;
    const db = this.store();
    const overrides = readRatificationOverrides(db);
    const before = overrides.find((entry) => entry.country === override.country);
    const next = [...overrides.filter((entry) => entry.country !== override.country), override];
    audited(db, () => ({ actor: this.actor, action: 'ratification.update', entity: 'settings', entityId: `ratification-${override.country}`, before, after: override }), () => writeRatificationOverrides(db, next));
    return ratificationRows(next);
  }

  /** Drops the office's override of a state: the shipped entry applies again (a state the table never shipped drops out). */
  reset(input: unknown): RatificationRow[] {
    const parsed = z.object({ country: countryCodeSchema }).strict().safeParse(input);
    if (!parsed.success) throw new AppError('invalid-input', { detail: fields(parsed.error) });
    const { country } = parsed.data;
    const db = this.store();
    const overrides = readRatificationOverrides(db);
    const before = overrides.find((entry) => entry.country === country);
    if (!before) throw new AppError('not-found', { detail: 'no override of this country' });
    const next = overrides.filter((entry) => entry.country !== country);
    audited(db, () => ({ actor: this.actor, action: 'ratification.reset', entity: 'settings', entityId: `ratification-${country}`, before }), () => writeRatificationOverrides(db, next));
    return ratificationRows(next);
  }
}
