import type { DossierSection } from '../../domain/dossier.ts';
import type { Ledger } from '../../domain/ledger.ts';
import type { Language } from '../../domain/vault.ts';
import type { Doc } from '../../document/model.ts';
import type { IncidentForLetter, LetterParties } from '../letters/input.ts';

/**
 * What the dossier template needs, gathered by electron/services/dossier/dossier-facts.ts: every text already in the
 * dossier's language (missing texts listed by the facts, as for letters), every figure already counted. The
 * template (dossier.ts) only arranges it: the same input gives the same Doc.
 */

export type Reliability = 'confirmed' | 'probable' | 'unverified';

/** A file kept with an incident, as the sheet lists it and the annex shows it. */
export interface DossierEvidence {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  /** Who added it and when (ISO timestamp): the custody the record holds. */
  addedBy: string;
  addedAt: string;
  /**
   * The picture the annex shows, scaled down by the service (PNG or JPEG bytes, base64), with its proportions;
   * null when the file is not an image, could not be decoded, or no thumbnail was made.
   */
  thumbnail: { mediaType: 'image/png' | 'image/jpeg'; base64: string; width: number; height: number } | null;
  /** The stored bytes do not match their SHA-256, or cannot be read: shown as damaged, never skipped. */
  damaged: boolean;
  /**
   * Why an image has no picture: too large to decode, unreadable (truncated, undecodable) or not the format it was
   * filed as. Absent for a picture, a file that is not an image, or when no thumbnails were made.
   */
  unshown?: 'too-large' | 'unreadable' | 'mislabeled';
}

/** A registered letter as a sheet or the ledger cites it. */
export interface DossierLetterRef {
  id: string;
  direction: 'outgoing' | 'incoming';
  number: string;
  date: string;
  counterpartId: string;
}

/** One incident as its sheet tells it: the letter's facts plus what a sheet adds. */
export interface DossierIncident extends IncidentForLetter {
  status: 'documented' | 'raised' | 'answered' | 'closed';
  /** Per source, in the order of `sources`: how reliable staff judge it. */
  reliability: Reliability[];
  evidence: DossierEvidence[];
  /** Every registered letter (not annulled) that raised it or answered about it, by date. */
  letters: DossierLetterRef[];
  /**
   * The people counted in the summary, once each across incidents: id, an individual or a group (of `count`),
   * characteristic codes (a group's say it includes such people, not how many), a minor on the day (individuals only).
   */
  people: { id: string; kind: 'individual' | 'group'; count: number; codes: string[]; minor: boolean }[];
}

/** One line of a counterpart's register, as the ledger section lists it. */
export interface DossierLedgerEntry {
  id: string;
  direction: 'outgoing' | 'incoming';
  number: string;
  date: string;
  subject: string;
  state: 'answered' | 'overdue' | 'waiting' | 'annulled' | 'received';
  /** Days an unanswered letter of ours has waited on the dossier's date; null otherwise. */
  daysWaiting: number | null;
  /** Ours: the replies that answer it (number and date); theirs: the letter of ours it answers. */
  links: { number: string; date: string }[];
}

export interface DossierCounterpart {
  id: string;
  /** The institution, in the dossier's language. */
  institution: string;
  country: string;
  ledger: Ledger;
  entries: DossierLedgerEntry[];
}

/** The characteristics the summary counts that a group's record may carry. */
export const groupCharacteristics = ['women', 'children', 'elderly'] as const;
export type GroupCharacteristic = (typeof groupCharacteristics)[number];

/** People in groups: their number, and in how many groups. */
export interface GroupCount {
  people: number;
  groups: number;
}

/**
 * The summary's figures (figures.ts computes them from the incidents and ledgers). Individuals are counted by
 * characteristic exactly; a group's characteristics say only that it includes women or children, not how many, so
 * groups are counted apart: the people in the groups that include them, and how many such groups.
 */
export interface DossierFigures {
  incidents: number;
  /** Everyone affected: each individual once, each group by its number. */
  people: number;
  /** People recorded one by one; of them, women, children, minors (by date of birth) and elderly. */
  individuals: number;
  women: number;
  children: number;
  minors: number;
  elderly: number;
  /** People recorded as groups. */
  inGroups: GroupCount;
  /** Per characteristic, the groups that include such people: their whole number and how many groups. */
  groupsWith: Record<GroupCharacteristic, GroupCount>;
  /** Days people were held, summed over the incidents of detention known to the day. */
  daysHeld: number;
  places: number;
  sent: number;
  answered: number;
  unanswered: number;
  overdue: number;
}

/**
 * Data for one chart, as the chart block carries it (shared/document/model.ts): one value per x label in each
 * series; one renderer draws it for the three writers.
 */
export interface DossierChart {
  id: 'by-violation' | 'by-month' | `letters:${string}`;
  chart: 'bar' | 'line' | 'grouped-bar';
  title: string;
  x: string[];
  series: { name: string; values: number[] }[];
  xTitle: string;
  yTitle: string;
}

/** A registered letter's frozen Doc, appended in the letters annex. */
export interface DossierFrozenLetter {
  id: string;
  number: string;
  date: string;
  doc: Doc;
}

export interface DossierInput {
  language: Language;
  title: string;
  meeting: { with: string; place: string; date: string | null };
  /** Printed on the cover and on every page; '' for none. */
  classification: string;
  /** Issued edition's number and date; null for a build that is not (yet) an edition. */
  edition: { number: number; date: string } | null;
  /** The day the figures and days waiting are counted on. */
  asOf: string;
  sections: DossierSection[];
  notes: { foreword: string; talkingPoints: string; requests: string };
  office: LetterParties['office'];
  counterparts: DossierCounterpart[];
  incidents: DossierIncident[];
  figures: DossierFigures;
  /** Incidents by violation type, by month, and letters sent vs answered per month for each counterpart. */
  charts: DossierChart[];
  letters: DossierFrozenLetter[];
}
