import { instrumentCodes, ratificationsOf, type InstrumentCode, type RatificationEntry, type RatificationOverride } from '../../domain/ratification.ts';
import type { Language } from '../../domain/vault.ts';
import type { LetterInput } from './input.ts';
import { instrumentPhrases, type InstrumentCitation } from './instrument-phrases.ts';

/** Which instrument and articles each built-in violation type engages; codes added by the office engage none until listed here. */
const byViolation: Record<string, readonly (readonly [InstrumentCode, string])[]> = {
  'arbitrary-detention': [['iccpr', '9'], ['icrmw', '16']],
  'prolonged-border-detention': [['iccpr', '9'], ['icrmw', '16']],
  'inhumane-detention-conditions': [['iccpr', '10'], ['cat', '16']],
  'deprivation-of-food-water': [['iccpr', '10'], ['cat', '16']],
  'ill-treatment': [['iccpr', '7'], ['cat', '16']],
  torture: [['iccpr', '7'], ['cat', '2'], ['cat', '16']],
  'prohibited-methods-document-checks': [['iccpr', '7'], ['iccpr', '17'], ['icrmw', '16']],
  'expulsion-without-court-decision': [['iccpr', '13'], ['icrmw', '22']],
  'public-display-of-detainees': [['iccpr', '14'], ['iccpr', '17']],
  'denial-of-access': [['vccr', '36'], ['icrmw', '16']],
  discrimination: [['iccpr', '26'], ['icerd', '5']],
  extortion: [['icrmw', '15'], ['icrmw', '16']],
};

/**
 * Treaties engaged only when a group they protect is among an incident's victims, and only by the violations
 * that treaty speaks to: CEDAW art. 2 (violence against women is discrimination under the Convention, General
 * Recommendation No. 35) for ill-treatment, torture and discrimination of women; CRC art. 37 (no torture, no
 * arbitrary detention, humane treatment of a child deprived of liberty) and art. 2 (non-discrimination) for children.
 */
const byVictimGroup: Record<string, { instrument: InstrumentCode; articles: Record<string, string> }> = {
  women: { instrument: 'cedaw', articles: { 'ill-treatment': '2', torture: '2', discrimination: '2' } },
  children: {
    instrument: 'crc',
    articles: {
      'arbitrary-detention': '37',
      'prolonged-border-detention': '37',
      'inhumane-detention-conditions': '37',
      'deprivation-of-food-water': '37',
      'ill-treatment': '37',
      torture: '37',
      discrimination: '2',
    },
  },
};

/** What an incident engages: its violation types and the characteristic codes of its victims (women, children, …). */
export interface IncidentEngagement {
  violationCodes: readonly string[];
  victimGroups: readonly string[];
}

/** Where the letter's treaties stand: the addressee's state and its entry in the table, Tajikistan's, and staff's choice. */
export interface TreatyStanding {
  /** The counterpart's state (ISO 3166-1 alpha-2). */
  country: string;
  statuses: RatificationEntry;
  /** The office's own state: a non-party treaty is invoked as one Tajikistan is bound by, when it is. */
  tajikistan: RatificationEntry;
  /** Treaties staff deliberately cite although the state is not a party (audited by the letter service). */
  citeDespiteNonParty: readonly InstrumentCode[];
}

/** The standing for a counterpart's state, from the shipped table with the office's overrides. */
export function treatyStanding(country: string, overrides: readonly RatificationOverride[] = [], citeDespiteNonParty: readonly InstrumentCode[] = []): TreatyStanding {
  return { country, statuses: ratificationsOf(country, overrides), tajikistan: ratificationsOf('TJ', overrides), citeDespiteNonParty };
}

/** Every instrument the incidents engage, with its articles in numeric order, in the fixed order of `instrumentCodes`. */
export function engagedInstruments(incidents: readonly IncidentEngagement[]): InstrumentCitation[] {
  const articles = new Map<InstrumentCode, Set<string>>();
  const add = (instrument: InstrumentCode, article: string) => articles.set(instrument, (articles.get(instrument) ?? new Set()).add(article));
  for (const incident of incidents) {
    for (const code of incident.violationCodes) {
      for (const [instrument, article] of byViolation[code] ?? []) add(instrument, article);
      for (const group of incident.victimGroups) {
        const protection = byVictimGroup[group];
        const article = protection?.articles[code];
        if (protection && article) add(protection.instrument, article);
      }
    }
  }
  return instrumentCodes.filter((code) => articles.has(code)).map((instrument) => ({ instrument, articles: [...articles.get(instrument)!].sort((a, b) => Number(a) - Number(b)) }));
}

/** A treaty is cited as binding when the state is a party to it, or when staff chose to cite it anyway. */
const citable = (standing: TreatyStanding, instrument: InstrumentCode) => standing.statuses[instrument] === 'party' || standing.citeDespiteNonParty.includes(instrument);

/** The engaged treaties the letter cites as binding, and those it only invokes (the state is not a party). */
export function citationsFor(incidents: readonly IncidentEngagement[], standing: TreatyStanding): { binding: InstrumentCitation[]; notParty: InstrumentCitation[] } {
  const engaged = engagedInstruments(incidents);
  return { binding: engaged.filter((c) => citable(standing, c.instrument)), notParty: engaged.filter((c) => !citable(standing, c.instrument)) };
}

/**
 * The letter's paragraphs about treaties: the rights engaged under treaties the addressee's state is a party to;
 * then, for engaged treaties it is not a party to, a sentence invoking their guarantees as Tajikistan's treaty
 * and as generally recognised norms — never a treaty cited to a state not bound by it, and never dropped silently.
 */
export function instrumentsEngaged(incidents: readonly IncidentEngagement[], standing: TreatyStanding, language: Language): string[] {
  const p = instrumentPhrases[language];
  const { binding, notParty } = citationsFor(incidents, standing);
  return [
    ...(binding.length ? [p.rightsEngaged(binding)] : []),
    ...(notParty.length ? [p.nonPartyGuarantees(notParty, notParty.every((c) => standing.tajikistan[c.instrument] === 'party'), binding.length > 0)] : []),
  ];
}

/** What the letter's incidents engage, from its input; victim groups come with the treaties (the letter service reads them). */
export function engagementsOf(input: LetterInput): IncidentEngagement[] {
  return input.incidents.map((incident) => ({ violationCodes: incident.violationCodes, victimGroups: input.treaties?.victimGroups[incident.id] ?? [] }));
}

/** The standing the letter was drafted with, or the shipped table's for the counterpart's state. */
export const standingOf = (input: LetterInput): TreatyStanding => input.treaties?.standing ?? treatyStanding(input.counterpart.country);
