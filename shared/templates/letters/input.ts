import type { Language } from '../../domain/vault.ts';
import type { TreatyStanding } from './instruments.ts';

export const letterKinds = ['appeal', 'follow-up', 'information-request'] as const;
export type LetterKind = (typeof letterKinds)[number];

/** A victim as a letter may show it: a withheld identity is masked unless the letter deliberately reveals it. */
export interface VictimFacts {
  kind: 'individual' | 'group';
  name: string;
  count: number;
  characteristics: string[];
  withheld: boolean;
}

/** One incident as the letter needs it: labels already in the letter's language. */
export interface IncidentForLetter {
  id: string;
  title: string;
  description: string;
  startDate: string;
  endDate: string | null;
  datePrecision: 'day' | 'month' | 'year' | 'estimate';
  place: { name: string; country: string } | null;
  violationCodes: string[];
  violations: string[];
  methods: string[];
  victims: VictimFacts[];
  sources: { type: string; reference: string; date: string | null }[];
  peopleAffected: number;
  durationDays: number | null;
}

/** An earlier letter of ours still without an answer (for follow-ups). */
export interface UnansweredLetter {
  number: string;
  date: string;
  subject: string;
  daysWaiting: number;
  incidentTitles: string[];
}

/** The office, the counterpart and the people on the letter, in the letter's language. */
export interface LetterParties {
  office: { name: string; addressLines: string[]; emblem: { mediaType: 'image/png' | 'image/jpeg'; base64: string } | null };
  /** `salutation` is absent while the card does not know the addressee's gender: the letter then opens without one. */
  counterpart: { institution: string; addresseeLines: string[]; salutation?: string; country: string; replyDays: number };
  signatory: { position: string; name: string };
  executor: { name: string; phone: string } | null;
}

export interface LetterInput extends LetterParties {
  kind: LetterKind;
  language: Language;
  incidents: IncidentForLetter[];
  /** Follow-ups: every earlier unanswered letter to this counterpart. */
  unanswered: UnansweredLetter[];
  /** Their letter this one answers, when it does. */
  inReplyTo: { number: string; date: string } | null;
  /** Registration number and date once registered; null on a draft. */
  number: string | null;
  date: string | null;
  /** Withheld identities are masked unless this is set deliberately (audited by the caller). */
  revealWithheld: boolean;
  /**
   * Which treaties the counterpart's state is bound by (the ratification table with the office's overrides, and
   * staff's deliberate choices) and the victims' characteristic codes per incident id (instruments.ts). Absent:
   * the shipped table for the counterpart's country, and no victim groups.
   */
  treaties?: { standing: TreatyStanding; victimGroups: Record<string, readonly string[]> };
}

/** Up to this many incidents are told in the letter itself; more go to a numbered annex. */
export const INCIDENTS_IN_TEXT = 5;
