import type { InstrumentCode } from '../../domain/ratification.ts';
import type { Language } from '../../domain/vault.ts';
import { joinList } from './format.ts';

/** One engaged instrument with its articles, in the order the letter cites them. */
export interface InstrumentCitation {
  instrument: InstrumentCode;
  articles: readonly string[];
}

/** The sentences about treaties, per language: the rights engaged, and the guarantees of treaties the state is not bound by. */
export interface InstrumentPhrases {
  /** «Указанные действия затрагивают права, гарантированные …» — treaties the addressee's state is a party to. */
  rightsEngaged(citations: readonly InstrumentCitation[]): string;
  /**
   * Treaties the addressee's state is not a party to, invoked for what they are to it: the guarantees of a treaty
   * Tajikistan is a party to (when `tajikistanParty`), reflecting generally recognised norms of international law.
   * `also` when the rights-engaged sentence comes before.
   */
  nonPartyGuarantees(citations: readonly InstrumentCitation[], tajikistanParty: boolean, also: boolean): string;
}

/** Russian names by case: «гарантированные Международным пактом» (instrumental), «закреплённые в Международном пакте» (prepositional). */
const ruNames: Record<InstrumentCode, { instrumental: string; prepositional: string; masculine?: true }> = {
  iccpr: { instrumental: 'Международным пактом о гражданских и политических правах', prepositional: 'Международном пакте о гражданских и политических правах', masculine: true },
  cat: {
    instrumental: 'Конвенцией против пыток и других жестоких, бесчеловечных или унижающих достоинство видов обращения и наказания',
    prepositional: 'Конвенции против пыток и других жестоких, бесчеловечных или унижающих достоинство видов обращения и наказания',
  },
  icrmw: { instrumental: 'Международной конвенцией о защите прав всех трудящихся-мигрантов и членов их семей', prepositional: 'Международной конвенции о защите прав всех трудящихся-мигрантов и членов их семей' },
  icerd: { instrumental: 'Международной конвенцией о ликвидации всех форм расовой дискриминации', prepositional: 'Международной конвенции о ликвидации всех форм расовой дискриминации' },
  cedaw: { instrumental: 'Конвенцией о ликвидации всех форм дискриминации в отношении женщин', prepositional: 'Конвенции о ликвидации всех форм дискриминации в отношении женщин' },
  crc: { instrumental: 'Конвенцией о правах ребёнка', prepositional: 'Конвенции о правах ребёнка' },
  vccr: { instrumental: 'Венской конвенцией о консульских сношениях', prepositional: 'Венской конвенции о консульских сношениях' },
};

/** Tajik names (official Tajik forms; the same after «бо» and «дар»). */
const tgNames: Record<InstrumentCode, string> = {
  iccpr: 'Паймони байналмилалӣ дар бораи ҳуқуқҳои шаҳрвандӣ ва сиёсӣ',
  cat: 'Конвенсия бар зидди шиканҷа ва дигар намудҳои муомила ва ҷазои бераҳмона, ғайриинсонӣ ё таҳқиркунандаи шаъну шараф',
  icrmw: 'Конвенсияи байналмилалӣ оид ба ҳимояи ҳуқуқҳои ҳамаи муҳоҷирони меҳнатӣ ва аъзои оилаҳои онҳо',
  icerd: 'Конвенсияи байналмилалӣ дар бораи барҳам додани ҳамаи шаклҳои табъизи нажодӣ',
  cedaw: 'Конвенсия дар бораи барҳам додани ҳамаи шаклҳои табъиз нисбат ба занон',
  crc: 'Конвенсия дар бораи ҳуқуқҳои кӯдак',
  vccr: 'Конвенсияи Вена дар бораи муносибатҳои консулӣ',
};

const enNames: Record<InstrumentCode, string> = {
  iccpr: 'International Covenant on Civil and Political Rights',
  cat: 'Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment',
  icrmw: 'International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families',
  icerd: 'International Convention on the Elimination of All Forms of Racial Discrimination',
  cedaw: 'Convention on the Elimination of All Forms of Discrimination against Women',
  crc: 'Convention on the Rights of the Child',
  vccr: 'Vienna Convention on Consular Relations',
};

const ruArticles = (numbers: readonly string[]) => `ст. ${numbers.join(', ')}`;
const tgArticles = (numbers: readonly string[]) => `${numbers.length === 1 ? 'моддаи' : 'моддаҳои'} ${numbers.join(', ')}`;
const enArticles = (numbers: readonly string[]) => `${numbers.length === 1 ? 'art.' : 'arts.'} ${numbers.join(', ')}`;

const ru: InstrumentPhrases = {
  rightsEngaged: (citations) =>
    `Указанные действия затрагивают права, гарантированные ${joinList(citations.map((c) => `${ruNames[c.instrument].instrumental} (${ruArticles(c.articles)})`), 'и')}.`,
  nonPartyGuarantees: (citations, tajikistanParty, also) => {
    const list = joinList(citations.map((c) => `${ruNames[c.instrument].prepositional} (${ruArticles(c.articles)})`), 'и');
    const which = citations.length > 1 ? 'которых' : ruNames[citations[0]!.instrument].masculine ? 'которого' : 'которой';
    const party = tajikistanParty ? `, участником ${which} является Республика Таджикистан` : '';
    return `Обращаю ${also ? 'также ' : ''}внимание на гарантии, закреплённые в ${list}${party}: эти гарантии отражают общепризнанные принципы и нормы международного права.`;
  },
};

const tg: InstrumentPhrases = {
  rightsEngaged: (citations) => `Амалҳои зикршуда ба ҳуқуқҳое дахл доранд, ки бо ${joinList(citations.map((c) => `${tgNames[c.instrument]} (${tgArticles(c.articles)})`), 'ва')} кафолат дода шудаанд.`,
  nonPartyGuarantees: (citations, tajikistanParty, also) => {
    const list = joinList(citations.map((c) => `${tgNames[c.instrument]} (${tgArticles(c.articles)})`), 'ва');
    const party = tajikistanParty ? ` ва Ҷумҳурии Тоҷикистон иштирокчии ${citations.length > 1 ? 'онҳо' : 'он'} мебошад` : '';
    return `${also ? 'Ҳамчунин д' : 'Д'}иққати Шуморо ба кафолатҳое ҷалб менамоям, ки дар ${list} муқаррар гардидаанд${party}: ин кафолатҳо принсипҳо ва меъёрҳои умумиэътирофшудаи ҳуқуқи байналмилалиро инъикос менамоянд.`;
  },
};

const en: InstrumentPhrases = {
  rightsEngaged: (citations) => `These acts engage rights guaranteed by ${joinList(citations.map((c) => `the ${enNames[c.instrument]} (${enArticles(c.articles)})`), 'and')}.`,
  nonPartyGuarantees: (citations, tajikistanParty, also) => {
    const list = joinList(citations.map((c) => `the ${enNames[c.instrument]} (${enArticles(c.articles)})`), 'and');
    const party = tajikistanParty ? `, to which the Republic of Tajikistan is a party` : '';
    return `I would ${also ? 'also ' : ''}draw your attention to the guarantees set out in ${list}${party}: these guarantees reflect generally recognised principles and norms of international law.`;
  },
};

export const instrumentPhrases: Record<Language, InstrumentPhrases> = { ru, tg, en };
