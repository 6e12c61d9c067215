import { inclineLastname } from 'lvovich';
import type { Counterpart } from './correspondence.ts';
import { genderFromName, hasFullFirstAndMiddle, initialsOf, parsePersonName, type Gender, type PersonName } from './person-name.ts';

export { inferGender } from './person-name.ts';

/** Irregular position nouns (a fleeting vowel) that the endings below would get wrong. */
const IRREGULAR: Record<string, string> = { посол: 'послу', посланник: 'посланнику' };

/** One word of a position in the dative, masculine (positions keep the grammatical gender of the noun). */
function positionWordDative(word: string): { word: string; noun: boolean } {
  const lower = word.toLowerCase();
  const cased = (dative: string) => (word[0] === word[0]!.toUpperCase() ? dative[0]!.toUpperCase() + dative.slice(1) : dative);
  if (IRREGULAR[lower]) return { word: cased(IRREGULAR[lower]!), noun: true };
  if (/(ый|ой)$/.test(lower)) return { word: cased(`${lower.slice(0, -2)}ому`), noun: false }; // главный → главному, уполномоченный
  if (/[гкх]ий$/.test(lower)) return { word: cased(`${lower.slice(0, -2)}ому`), noun: false }; // строгий → строгому
  if (/ий$/.test(lower)) return { word: cased(`${lower.slice(0, -2)}ему`), noun: false }; // высший → высшему, верхний → верхнему
  if (/ь$/.test(lower)) return { word: cased(`${lower.slice(0, -1)}ю`), noun: true }; // председатель → председателю
  if (/й$/.test(lower)) return { word: cased(`${lower.slice(0, -1)}ю`), noun: true };
  if (/а$/.test(lower)) return { word: cased(`${lower.slice(0, -1)}е`), noun: true }; // глава → главе
  if (/я$/.test(lower)) return { word: cased(`${lower.slice(0, -1)}е`), noun: true };
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(lower)) return { word: cased(`${lower}у`), noun: true }; // министр → министру
  return { word, noun: true };
}

/**
 * A Russian position in the dative: the leading adjectives and the head noun change, the rest (whose ministry,
 * of which republic) stays: «Генеральный прокурор Республики Казахстан» → «Генеральному прокурору Республики
 * Казахстан»; «Уполномоченный по правам человека» → «Уполномоченному по правам человека». The result is a default
 * that staff can correct on the counterpart's card.
 */
export function positionDative(position: string): string {
  const words = position.trim().split(/\s+/);
  const out: string[] = [];
  let done = false;
  for (const word of words) {
    // «Чрезвычайный и Полномочный Посол»: the conjunction between adjectives stays, the next word is declined too.
    if (!done && word === 'и') {
      out.push(word);
      continue;
    }
    if (done || !/^[А-ЯЁа-яё-]+$/.test(word)) {
      done = true;
      out.push(word);
      continue;
    }
    const declined = positionWordDative(word);
    out.push(declined.word);
    // A substantivized adjective («Уполномоченный») heads the phrase when a preposition follows.
    if (declined.noun) done = true;
  }
  return out.join(' ');
}

/**
 * A surname in the Russian dative by gender: «Москалькова» → «Москальковой», «Иванов» → «Иванову». Tajik -зода and
 * -ӣ, surnames ending in a vowel other than -а/-я or in -ых/-их, and a woman's surname ending in a consonant do not
 * decline. With the gender unknown, a surname that declines differently for a man and a woman stays as written
 * (the card asks for the gender before the letter goes out).
 */
export function surnameDative(last: string, gender: Gender | undefined): string {
  const decline = (g: Gender) =>
    last
      .split('-')
      .map((part) => (/(зода|заде|[ӣоуюеиыэ]|ых|их)$/i.test(part) || (g === 'female' && /[бвгджзйклмнпрстфхцчшщьъ]$/i.test(part)) ? part : inclineLastname(part, 'dative', g)))
      .join('-');
  if (gender) return decline(gender);
  const [male, female] = [decline('male'), decline('female')];
  return male === female ? male : last;
}

/** The forms a letter opens with; `salutation` is absent while the gender is unknown (`needsGender`). */
export interface AddresseeForms {
  /** The addressee block, one line per `\n`: the position, then the name («Уполномоченному … / Москальковой Т.Н.»). */
  addresseeDative: string;
  /** «Уважаемая Татьяна Николаевна!»; absent when the gender is unknown, so no letter says «Уважаемый(-ая)». */
  salutation?: string;
  gender?: Gender;
  /** True when neither the card nor the name tells the gender: the card must ask before a salutation is written. */
  needsGender: boolean;
}

const RU_DEAR: Record<Gender, string> = { male: 'Уважаемый', female: 'Уважаемая' };
const RU_TITLE: Record<Gender, string> = { male: 'господин', female: 'госпожа' };
const TG_DEAR: Record<Gender, string> = { male: 'Муҳтарам', female: 'Муҳтарама' };
/** Tajik «ҷаноби Салимзода» (Mr, with the izofat), «хонум Москалкова» (Mrs/Ms). */
const TG_TITLE: Record<Gender, string> = { male: 'ҷаноби', female: 'хонум' };
const EN_TITLE: Record<Gender, string> = { male: 'Mr', female: 'Ms' };

/**
 * The addressee block and the salutation of a letter in `language`, from the card's position and name ALREADY in
 * that language (the Latin name for English). Russian (GOST R 7.0.97-2016): the position and the surname in the
 * dative, the initials after the surname without a space between them — «Москальковой Т.Н.»; «Уважаемая Татьяна
 * Николаевна!» when the first name and patronymic are known in full, else «Уважаемая госпожа Москалькова!». Tajik:
 * «Ба …» with «хонум Т.Н. Москалкова» / «ҷаноби У. Салимзода», «Муҳтарама Татяна Николаевна!» or «Муҳтарама хонум
 * Москалкова!». English: the position, "Ms Tatiana Moskalkova", "Dear Ms Moskalkova,". The gender comes from the
 * card, else from the name; unknown, the salutation is left out and `needsGender` set. Defaults only: the card
 * keeps whatever staff write.
 */
export function addresseeDefaults(counterpart: Pick<Counterpart, 'position' | 'name' | 'language' | 'gender'>): AddresseeForms {
  const name: PersonName = parsePersonName(counterpart.name) ?? { last: counterpart.name.trim(), script: 'cyrillic' };
  const gender = counterpart.gender ?? genderFromName(name);
  const initials = initialsOf(name);
  const position = counterpart.position.trim();
  const full = hasFullFirstAndMiddle(name);
  const forms = (lines: string[], salutation: string | undefined): AddresseeForms => ({ addresseeDative: lines.join('\n'), ...(salutation ? { salutation } : {}), ...(gender ? { gender } : {}), needsGender: !gender });
  switch (counterpart.language) {
    case 'ru':
      return forms(
        [positionDative(position), [surnameDative(name.last, gender), initials].filter(Boolean).join(' ')],
        gender && (full ? `${RU_DEAR[gender]} ${name.first} ${name.middle}!` : `${RU_DEAR[gender]} ${RU_TITLE[gender]} ${name.last}!`),
      );
    case 'tg':
      return forms(
        [`Ба ${position}`, [gender && TG_TITLE[gender], initials, name.last].filter(Boolean).join(' ')],
        gender && (full ? `${TG_DEAR[gender]} ${name.first} ${name.middle}!` : `${TG_DEAR[gender]} ${TG_TITLE[gender]} ${name.last}!`),
      );
    case 'en': {
      // English drops the patronymic: "Tatiana Moskalkova"; with initials only, the first: "T. Moskalkova".
      const given = name.first ?? (name.initials?.[0] ? `${name.initials[0]}.` : '');
      return forms([position, [gender && EN_TITLE[gender], given, name.last].filter(Boolean).join(' ')], gender && `Dear ${EN_TITLE[gender]} ${name.last},`);
    }
  }
}
