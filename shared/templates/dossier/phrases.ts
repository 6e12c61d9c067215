import type { DossierSection } from '../../domain/dossier.ts';
import type { Language } from '../../domain/vault.ts';
import type { LetterPhrases } from '../letters/phrases.ts';
import { en } from './phrases.en.ts';
import { ru } from './phrases.ru.ts';
import { tg } from './phrases.tg.ts';
import type { DossierFigures, DossierLedgerEntry, GroupCharacteristic, Reliability } from './input.ts';

/**
 * Every phrase of the dossier, per language. Dates, case lines, who was affected (with withheld identities masked)
 * and letter references come from the letters' phrase tables (`letter`), so a dossier tells an incident exactly as
 * the letters do.
 */
export interface DossierPhrases {
  letter: LetterPhrases;
  /** A plain date: «15.03.2024» (ru, tg), "15 March 2024" (en). */
  date(iso: string): string;
  /** A date in a narrow table column: «15.03.2024», "15 Mar 2024". */
  shortDate(iso: string): string;
  /** A month on a chart's axis: «03.2024», "Mar 2024". */
  month(yyyyMm: string): string;
  /** Section titles (the cover has none: its title is the dossier's). */
  sections: Record<Exclude<DossierSection, 'cover'>, string>;
  cover: {
    meeting(withWhom: string): string;
    place(place: string): string;
    date(date: string): string;
    edition(edition: number, date: string): string;
    /** A build that is not an issued edition. */
    draft(date: string): string;
  };
  notes: { foreword: string; talkingPoints: string; requests: string };
  /**
   * The figures table: its header, one label per figure, one per characteristic of groups («в группах, где есть
   * женщины»), and a groups' count as its value («40 человек в 1 группе»).
   */
  figures: {
    title: string;
    header: [string, string];
    labels: Record<Exclude<keyof DossierFigures, 'groupsWith'>, string>;
    groupsWith: Record<GroupCharacteristic, string>;
    groupCount(people: number, groups: number): string;
  };
  charts: { byViolation: string; byMonth: string; letters(institution: string): string; incidents: string; sent: string; answered: string; month: string; count: string; type: string; letterCount: string };
  ledger: {
    asOf(date: string): string;
    /** A linked letter in the register's last column: «от 15.03.2024 № 01-12/1». */
    link(number: string, date: string): string;
    /** «С марта 2024 г. направлено 11 писем, ответ получен на 1.» */
    sentAnswered(sent: number, answered: number, since: string | null): string;
    unanswered(unanswered: number, overdue: number): string;
    oldest(number: string, date: string, days: number): string;
    median(days: number | null): string;
    none: string;
    header: [string, string, string, string, string, string];
    direction: Record<DossierLedgerEntry['direction'], string>;
    state: Record<DossierLedgerEntry['state'], string>;
  };
  sheet: {
    header: [string, string];
    /** Row labels of an incident's sheet. */
    labels: { when: string; where: string; what: string; people: string; duration: string; violations: string; methods: string; sources: string; status: string; letters: string; evidence: string };
    status: Record<'documented' | 'raised' | 'answered' | 'closed', string>;
    reliability: Record<Reliability, string>;
    /** «Наше письмо от 15.03.2024 № 01-12/100», «Письмо стороны от …». */
    letter(direction: 'outgoing' | 'incoming', number: string, date: string): string;
    noEvidence: string;
    evidenceHeader: [string, string, string, string, string];
    custody(addedBy: string, date: string): string;
    damaged: string;
    /** Why an image is listed without its picture (the evidence table's condition column). */
    unshown: Record<'too-large' | 'unreadable' | 'mislabeled', string>;
  };
  evidence: { caption(incident: string): string; sha(sha256: string): string; damaged: string; listed: string; none: string };
  /** «1,2 МБ», «345 байт». */
  size(bytes: number): string;
  lettersNone: string;
}

export const dossierPhrases: Record<Language, DossierPhrases> = { ru, tg, en };
