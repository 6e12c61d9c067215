import { z } from 'zod';
import { countryCodeSchema, type CountryCode } from './countries.ts';
import { lineText } from './text.ts';

/** The treaties letters cite (DOMAIN.md, "Languages of records and documents": only where the state is a party). */
export const instrumentCodes = ['iccpr', 'cat', 'icrmw', 'icerd', 'cedaw', 'crc', 'vccr'] as const;
export type InstrumentCode = (typeof instrumentCodes)[number];
export const instrumentCodeSchema = z.enum(instrumentCodes);

/** A state that signed but never ratified is not bound by the treaty: it is cited no more than a non-party. */
export const treatyStatuses = ['party', 'signatory', 'not-party'] as const;
export type TreatyStatus = (typeof treatyStatuses)[number];
const status = z.enum(treatyStatuses);

const untc = (chapter: number, number: string) => `https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=${number}&chapter=${chapter}&clang=_en`;

/** Where each entry of the table comes from: the UN Treaty Collection's status page (the Secretary-General is depositary of all seven). */
export const treatySources: Record<InstrumentCode, { title: string; untc: string; url: string }> = {
  iccpr: { title: 'International Covenant on Civil and Political Rights (1966)', untc: 'IV-4', url: untc(4, 'IV-4') },
  cat: { title: 'Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment (1984)', untc: 'IV-9', url: untc(4, 'IV-9') },
  icrmw: { title: 'International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families (1990)', untc: 'IV-13', url: untc(4, 'IV-13') },
  icerd: { title: 'International Convention on the Elimination of All Forms of Racial Discrimination (1965)', untc: 'IV-2', url: untc(4, 'IV-2') },
  cedaw: { title: 'Convention on the Elimination of All Forms of Discrimination against Women (1979)', untc: 'IV-8', url: untc(4, 'IV-8') },
  crc: { title: 'Convention on the Rights of the Child (1989)', untc: 'IV-11', url: untc(4, 'IV-11') },
  // Not a human-rights treaty: the UNTC files it under chapter III (privileges, immunities, diplomatic and consular relations).
  vccr: { title: 'Vienna Convention on Consular Relations (1963)', untc: 'III-6', url: untc(3, 'III-6') },
};

/** The states the office writes to: the CIS and neighbours, Türkiye, the Gulf, the EU's largest destinations, and others. */
export const coveredStates = [
  'TJ', 'RU', 'KZ', 'KG', 'UZ', 'TM', 'BY', 'AM', 'AZ', 'MD', 'UA', 'GE',
  'TR', 'AE', 'SA', 'QA', 'KW', 'BH', 'OM',
  'DE', 'FR', 'IT', 'ES', 'PL', 'NL', 'BE', 'AT', 'SE', 'CZ',
  'GB', 'US', 'CN', 'KR', 'AF', 'IR',
] as const satisfies readonly CountryCode[];

/**
 * RATIFICATION STATUS AS SHIPPED — the covered states that are NOT parties to each treaty (every covered state not
 * listed is a party by ratification, accession or succession).
 *
 * Source: the UN Treaty Collection status page of each treaty (`treatySources`: chapter IV no. 2, 4, 8, 9, 11, 13
 * and chapter III no. 6), as known to the author of this table on 2026-11-29 — that is, from the author's
 * knowledge of those pages (current to about 2025), NOT read from treaties.un.org that day. Every entry MUST be
 * checked against treaties.un.org before a release, and staff can correct any entry in Settings (an override kept
 * in the vault and audited) without waiting for one. Dates where they settle a common doubt:
 * - ICCPR: China signed 5 Oct 1998 and has not ratified; Saudi Arabia, the UAE and Oman have neither signed nor
 *   acceded; Qatar acceded 21 May 2018, Bahrain 20 Sep 2006, Kuwait 21 May 1996.
 * - CAT: Iran has neither signed nor acceded; the UAE acceded 19 Jul 2012, Oman 9 Jun 2020.
 * - ICRMW (59–60 parties): Tajikistan ratified 8 Jan 2002, Kyrgyzstan acceded 29 Sep 2003, Azerbaijan acceded
 *   11 Jan 1999, Türkiye ratified 27 Sep 2004; Armenia signed 26 Sep 2013 without ratifying. Russia, Kazakhstan,
 *   Uzbekistan, Turkmenistan, Belarus, Moldova, Ukraine, Georgia, the Gulf states, the EU states, the UK, the US,
 *   China, Korea, Afghanistan and Iran are not parties.
 * - ICERD: every covered state is a party (the US since 21 Oct 1994).
 * - CEDAW: the US signed 17 Jul 1980 and has not ratified; Iran has neither signed nor acceded.
 * - CRC: the US signed 16 Feb 1995 and has not ratified; every other covered state is a party.
 * - VCCR: Afghanistan has neither signed nor acceded; every other covered state is a party.
 */
const nonParties: Record<InstrumentCode, Partial<Record<(typeof coveredStates)[number], Exclude<TreatyStatus, 'party'>>>> = {
  iccpr: { CN: 'signatory', SA: 'not-party', AE: 'not-party', OM: 'not-party' },
  cat: { IR: 'not-party' },
  icrmw: Object.fromEntries(
    coveredStates.filter((state) => !['TJ', 'KG', 'AZ', 'TR'].includes(state)).map((state) => [state, state === 'AM' ? 'signatory' : 'not-party'] as const),
  ),
  icerd: {},
  cedaw: { US: 'signatory', IR: 'not-party' },
  crc: { US: 'signatory' },
  vccr: { AF: 'not-party' },
};

export type RatificationEntry = Record<InstrumentCode, TreatyStatus>;
/** Per state (ISO 3166-1 alpha-2), its status under each treaty. */
export type RatificationTable = Readonly<Record<string, RatificationEntry>>;

export const SHIPPED_RATIFICATIONS: RatificationTable = Object.fromEntries(
  coveredStates.map((state) => [state, Object.fromEntries(instrumentCodes.map((instrument) => [instrument, nonParties[instrument][state] ?? 'party'])) as RatificationEntry]),
);

const entrySchema = z.object({ iccpr: status, cat: status, icrmw: status, icerd: status, cedaw: status, crc: status, vccr: status }).strict() satisfies z.ZodType<RatificationEntry>;

/**
 * The office's correction of one state's entry, kept in the vault: the whole entry (all seven treaties), when it
 * was checked and against what, so the next reader knows why it differs from the shipped table.
 */
export const ratificationOverrideSchema = z
  .object({
    country: countryCodeSchema,
    statuses: entrySchema,
    /** Where staff checked it (e.g. the UNTC page and the day). */
    note: lineText(500).trim().default(''),
  })
  .strict();
export type RatificationOverride = z.infer<typeof ratificationOverrideSchema>;

/** One row of the table as Settings shows it: the status in force, the shipped one, and the override if any. */
export const ratificationRowSchema = z.object({
  country: z.string(),
  statuses: entrySchema,
  shipped: entrySchema.nullable(),
  override: ratificationOverrideSchema.nullable(),
});
export type RatificationRow = z.infer<typeof ratificationRowSchema>;

/** A state the table does not know is treated as not a party to anything: a letter cites nothing it cannot back. */
const UNKNOWN: RatificationEntry = Object.fromEntries(instrumentCodes.map((code) => [code, 'not-party'])) as RatificationEntry;

/** The entry in force for a state: the office's override, else the shipped entry, else unknown (nothing cited). */
export function ratificationsOf(country: string, overrides: readonly RatificationOverride[] = []): RatificationEntry {
  const override = overrides.find((entry) => entry.country === country);
  return override?.statuses ?? SHIPPED_RATIFICATIONS[country] ?? UNKNOWN;
}

/** Every shipped state and every overridden one, alphabetically by code. */
export function ratificationRows(overrides: readonly RatificationOverride[]): RatificationRow[] {
  const countries = [...new Set([...Object.keys(SHIPPED_RATIFICATIONS), ...overrides.map((entry) => entry.country)])].sort();
  return countries.map((country) => {
    const override = overrides.find((entry) => entry.country === country) ?? null;
    const shipped = SHIPPED_RATIFICATIONS[country] ?? null;
    return { country, statuses: override?.statuses ?? shipped ?? UNKNOWN, shipped, override };
  });
}
