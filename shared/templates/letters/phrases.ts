import type { Gender } from '../../domain/person-name.ts';
import type { Language } from '../../domain/vault.ts';
import { en } from './phrases.en.ts';
import { ru } from './phrases.ru.ts';
import { tg } from './phrases.tg.ts';
import type { ReplyReceived } from './input.ts';

/** Who was affected, as a sentence needs it (incident-text.ts gathers it from the victims). */
export interface PeopleFacts {
  count: number;
  /** Exactly one person: their name as the letter shows it (masked or not; absent for a group of one), gender, traits. */
  single: { name?: string; gender?: Gender; masked: boolean; traits: string[] } | null;
  /** Characteristics every victim has, and those only some have (plural labels as the vocabulary has them). */
  all: string[];
  some: string[];
  /** Individuals named among many. */
  named: string[];
}

/** Whom a duration speaks of: many people, one of a gender, one of unknown gender. */
export type Held = 'many' | Gender | 'unknown';

/** Every phrase a letter uses, per language; templates hold no text of their own. */
export interface LetterPhrases {
  /** The form's line, GOST R 7.0.97: «15.03.2024 № 01-12/5»; a draft shows blanks to be filled at registration. */
  reference(number: string | null, date: string | null): string;
  inReplyTo(number: string, date: string): string;
  subject: Record<'appeal' | 'follow-up' | 'information-request', string>;
  opening: Record<'appeal' | 'follow-up', string>;
  /** «Поступила информация о следующем:» — the ombudsman reports what was received, not what was established. */
  factsIntro: string;
  annexPointer(count: number): string;
  /** «в марте 2024 г.», «15.03.2024», a range — by the date's precision. */
  when(start: string, end: string | null, precision: 'day' | 'month' | 'year' | 'estimate'): string;
  where(place: string, country: string): string;
  /** «15.03.2024, КПП «Фотех» (Республика Казахстан) — Задержание граждан» (no final stop). */
  caseLine(when: string, where: string, title: string): string;
  people(facts: PeopleFacts): string;
  /** The annex table's short form: «41 человек — трудовые мигранты, в том числе женщины и дети». */
  peopleShort(count: number, all: readonly string[], some: readonly string[]): string;
  /** One person's characteristic by its built-in code and gender («трудовой мигрант», «студентка»); undefined for others. */
  trait(code: string, gender: Gender | undefined): string | undefined;
  /** A characteristic the table does not know, said of one person. */
  otherTrait(label: string, gender: Gender | undefined): string;
  held(days: number, who: Held, detention: boolean): string;
  violations(labels: readonly string[]): string;
  methods(labels: readonly string[]): string;
  sources(list: readonly string[]): string;
  /** How a withheld identity is shown: «гражданин Р.», «гражданка Р.», «лицо Р.» when the gender is unknown. */
  masked(initial: string, gender: Gender | undefined): string;
  requestsIntro: string;
  /** The requests, lowercase, without final punctuation (the list adds «;» and «.»). */
  requests: Record<'appeal' | 'follow-up', (replyDays: number) => string[]>;
  /** The information request's one sentence, ending with a colon before its list of cases. */
  informationRequest(count: number, replyDays: number): string;
  /** Follow-ups: one unanswered letter as a sentence; several as an intro and lowercase items. */
  unansweredOne(number: string, date: string, daysWaiting: number): string;
  unansweredIntro(count: number): string;
  unansweredItem(number: string, date: string, daysWaiting: number): string;
  /** Follow-ups: the replies received, by what they said. */
  replyOne(reply: ReplyReceived): string;
  repliesIntro: string;
  replyItem(reply: ReplyReceived): string;
  casesIntro: string;
  closing: string;
  /** «Приложение: на 2 л. в 1 экз.»; null before the layout has counted the sheets: «на __ л.». */
  annexMark(sheets: number | null): string;
  /** The annex's mark top right, in lines as GOST R 7.0.97 sets it: «Приложение» / «к письму» / «от … № …». */
  annexHeading(number: string | null, date: string | null): string;
  annexTable: { n: string; when: string; where: string; what: string; people: string };
  executor(name: string, phone: string): string[];
  countries: Record<string, string>;
}

export const letterPhrases: Record<Language, LetterPhrases> = { ru, tg, en };
