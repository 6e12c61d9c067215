import type { responseCodes } from '../../domain/correspondence.ts';
import type { Gender } from '../../domain/person-name.ts';
import type { Language } from '../../domain/vault.ts';
import type { TreatyStanding } from './instruments.ts';

/** How an incoming letter answered (DOMAIN.md, response coding). */
export type ResponseCode = (typeof responseCodes)[number];

export const letterKinds = ['appeal', 'follow-up', 'information-request'] as const;
export type LetterKind = (typeof letterKinds)[number];

/** A victim as a letter may show it: a withheld identity is masked unless the letter deliberately reveals it. */
export interface VictimFacts {
  kind: 'individual' | 'group';
  name: string;
  /** The Latin spelling (an English letter writes it, and masks with its initial). */
  nameLatin?: string;
  /** From the person's record, else inferred from the name; unknown, a masked identity reads «лицо Р.». */
  gender?: Gender;
  count: number;
  /** Labels in the letter's language (plural: «Трудовые мигранты»). */
  characteristics: string[];
  /** The same characteristics' codes, in the same order: one person is «трудовой мигрант», by the built-in codes. */
  characteristicCodes?: string[];
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

/** A case as a follow-up lists it: what, when and where. */
export type CaseForLetter = Pick<IncidentForLetter, 'id' | 'title' | 'startDate' | 'endDate' | 'datePrecision' | 'place'>;

/** An earlier letter of ours still without an answer (for follow-ups). */
export interface UnansweredLetter {
  number: string;
  date: string;
  subject: string;
  daysWaiting: number;
  /** The cases it raised, each with its date and place. */
  incidents: CaseForLetter[];
}

/** A formal reply received from the counterpart, cited by a follow-up with what it said. */
export interface ReplyReceived {
  number: string;
  date: string;
  /** How it answered (DOMAIN.md response coding); null when staff have not coded it. */
  response: ResponseCode | null;
  /** Our letter it answers, when it names one. */
  answers: { number: string; date: string } | null;
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
  /** Follow-ups: the formal replies received from this counterpart, oldest first. */
  replies: ReplyReceived[];
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
