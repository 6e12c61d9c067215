import type { Language } from '../../domain/vault.ts';
import type { LetterKind } from './input.ts';
import { en } from './phrases.en.ts';
import { ru } from './phrases.ru.ts';
import { tg } from './phrases.tg.ts';

/** Every phrase a letter uses, per language; templates hold no text of their own. */
export interface LetterPhrases {
  /** «№ 01-12/5 от 15.03.2024»; a draft shows blanks to be filled at registration. */
  reference(number: string | null, date: string | null): string;
  inReplyTo(number: string, date: string): string;
  subject: Record<LetterKind, string>;
  opening: Record<LetterKind, string>;
  factsIntro(count: number): string;
  annexPointer(count: number): string;
  /** «в марте 2024 г.», «15.03.2024», a range — by the date's precision. */
  when(start: string, end: string | null, precision: 'day' | 'month' | 'year' | 'estimate'): string;
  where(place: string, country: string): string;
  people(count: number, characteristics: readonly string[]): string;
  victimsNamed(names: readonly string[]): string;
  held(days: number): string;
  violations(labels: readonly string[]): string;
  methods(labels: readonly string[]): string;
  sources(list: readonly string[]): string;
  /** How a withheld identity is shown: «гражданин А.». */
  masked(initial: string): string;
  rightsEngaged(instruments: readonly string[]): string;
  requestsIntro: string;
  requests: Record<LetterKind, (replyDays: number) => string[]>;
  followUpLetters(count: number): string;
  followUpLetter(number: string, date: string, daysWaiting: number): string;
  followUpCases: string;
  informationCases: string;
  closing: string;
  annexMark(count: number): string;
  annexHeading(number: string | null, date: string | null): string;
  annexTable: { n: string; when: string; where: string; what: string; people: string };
  executor(name: string, phone: string): string[];
  countries: Record<string, string>;
  /** «Статья 9» and the like, for instruments. */
  articles(numbers: readonly string[]): string;
  instruments: Record<InstrumentCode, string>;
}

export type InstrumentCode = 'iccpr' | 'cat' | 'icrmw' | 'vccr' | 'icerd';

export const letterPhrases: Record<Language, LetterPhrases> = { ru, tg, en };
