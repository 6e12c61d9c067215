import { getFirstnameGender } from 'lvovich';

/**
 * Person names as staff type them on a card or a victim's record, in Cyrillic (Russian, Tajik) or Latin, in every
 * usual order and spacing: «Т.Н. Москалькова», «Москалькова Т. Н.», «Татьяна Николаевна Москалькова»,
 * «Москалькова Татьяна Николаевна», «Рустам Эмомалӣ», «Салимзода Умед», "Tatiana Moskalkova", "T. Moskalkova".
 * The order is decided by what each word looks like (a patronymic's ending, a surname's ending); when nothing tells,
 * Cyrillic names are read as Russian registries write them («Фамилия Имя Отчество») and Latin ones as passports
 * print them in running text ("First Last").
 */

export type Gender = 'male' | 'female';

export interface PersonName {
  last: string;
  /** The first name in full, when the text has it. */
  first?: string;
  /** The patronymic in full (with its «угли»/«кизи» when written so), when the text has it. */
  middle?: string;
  /** The letters of the initials, when the text gives initials instead of the names («Т.Н.» → ['Т', 'Н']). */
  initials?: string[];
  script: 'cyrillic' | 'latin';
}

/** Russian patronymics, Tajik ones in Russian form, and their Latin transliterations. */
const PATRONYMIC = /(ович|евич|ёвич|ич|овна|евна|ёвна|ична|инична|ovich|evich|ovna|evna|ichna|ich)$/i;
/** Turkic patronymics are two words: «Ахмад угли», «Рустам кизи». */
const PATRONYMIC_PARTICLE = /^(угли|ўғли|уғли|оглы|огли|кизи|қизи|қизи|кызы|ugli|o'g'li|ogli|qizi|kizi|kyzy)$/i;
/** Endings that only surnames have: Russian -ов/-ева/-ский, Tajik -зода/-ӣ/-пур/-ён/-ниё, Ukrainian -енко, Armenian -ян. */
const SURNAME_STRONG = /(ов|ова|ев|ева|ёв|ёва|ский|ская|цкий|цкая|зода|заде|ӣ|пур|ён|ниё|енко|ян|ых|их|ova|eva|ov|ev|sky|skiy|skaya|zoda|zade|enko|yan)$/i;
/** Endings surnames share with first names (Марина, Зарина): a surname only when the other word is not more so. */
const SURNAME_WEAK = /(ин|ина|ын|ына|in|ina|yn|yna)$/i;

/** Tajik and Arabic men's first names (Шамсиддин, Нуриддин, Абдулло) end like that, never surnames. */
const FIRST_NAME_ENDING = /(иддин|уддин|улло|iddin|uddin|ullo)$/i;

const CYRILLIC = /[\u0400-\u04FF]/;
/** «Т.», «Дж.», "T." — a letter or two and a dot standing for a name; a lone capital letter too («Т Н Москалькова»). */
const isInitial = (token: string) => /^\p{Lu}\p{Ll}?\.$/u.test(token) || /^\p{Lu}$/u.test(token);

const surnameScore = (word: string): number => (FIRST_NAME_ENDING.test(word) ? 0 : SURNAME_STRONG.test(word) ? 2 : SURNAME_WEAK.test(word) ? 1 : 0);
/** A word that reads as a first name: a Tajik man's ending, or a woman's first name lvovich knows (its lists, -а/-я). */
const firstNameLike = (word: string) => FIRST_NAME_ENDING.test(word) || (CYRILLIC.test(word) && !SURNAME_STRONG.test(word) && getFirstnameGender(word.toLowerCase()) === 'female');
const isPatronymic = (word: string) => PATRONYMIC.test(word) && word.length > 4;

/** Splits «Т.Н.Москалькова» and «Т.Н. Москалькова» alike into ['Т.', 'Н.', 'Москалькова']. */
function tokens(text: string): string[] {
  return text
    .trim()
    .replace(/\u00A0|\u202F|\u2009/g, ' ')
    .split(/\s+/)
    .flatMap((word) => word.match(/[^.]+\.?/g) ?? [])
    .filter(Boolean);
}

/** Joins a Turkic patronymic's particle to the word before it: ['Ахмад', 'угли'] → ['Ахмад угли']. */
function joinParticles(words: string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    if (PATRONYMIC_PARTICLE.test(word) && out.length) out[out.length - 1] = `${out.at(-1)} ${word}`;
    else out.push(word);
  }
  return out;
}

const isPatronymicWord = (word: string) => isPatronymic(word) || PATRONYMIC_PARTICLE.test(word.split(' ').at(-1) ?? '');

/** The parts of a name, or null for an empty text. */
export function parsePersonName(text: string): PersonName | null {
  const all = tokens(text);
  if (all.length === 0) return null;
  const script = CYRILLIC.test(text) ? 'cyrillic' : 'latin';
  const initialTokens = all.length > 1 ? all.filter(isInitial) : [];
  const words = joinParticles(all.filter((token) => all.length === 1 || !isInitial(token)).map((token) => token.replace(/\.$/, '')));
  if (initialTokens.length && words.length) {
    // «Т.Н. Москалькова», «Москалькова Т. Н.», "T. Moskalkova": the written-out words are the surname.
    return { last: words.join(' '), initials: initialTokens.map((token) => token.replace(/\.$/, '')), script };
  }
  if (words.length === 1) return { last: words[0]!, script };
  const patronymicAt = words.findIndex(isPatronymicWord);
  if (words.length >= 3 && patronymicAt === 1) {
    // «Татьяна Николаевна Москалькова»
    return { first: words[0]!, middle: words[1]!, last: words.slice(2).join(' '), script };
  }
  if (words.length >= 3 && patronymicAt >= 2) {
    // «Москалькова Татьяна Николаевна», «Шарипов Умед Абдуллоевич»
    return { last: words.slice(0, patronymicAt - 1).join(' '), first: words[patronymicAt - 1]!, middle: words[patronymicAt]!, script };
  }
  if (words.length === 2) {
    const [a, b] = words as [string, string];
    const surnameFirst = surnameScore(a) !== surnameScore(b) ? surnameScore(a) > surnameScore(b) : firstNameLike(b) !== firstNameLike(a) ? firstNameLike(b) : script === 'cyrillic';
    return surnameFirst ? { last: a, first: b, script } : { first: a, last: b, script };
  }
  // Three or more words without a patronymic: the surname is the word that looks most like one, else by convention.
  const scores = words.map(surnameScore);
  const best = Math.max(...scores);
  const lastAt = best > 0 && scores.indexOf(best) === scores.lastIndexOf(best) ? scores.indexOf(best) : script === 'cyrillic' ? 0 : words.length - 1;
  const rest = words.filter((_, index) => index !== lastAt);
  return { last: words[lastAt]!, first: rest[0], middle: rest.slice(1).join(' ') || undefined, script };
}

/** The initials of a parsed name, GOST-style without a space between them: «Т.Н.»; empty when only a surname is known. */
export function initialsOf(name: PersonName): string {
  const letters = name.initials ?? [name.first, name.middle?.split(' ')[0]].filter((word): word is string => Boolean(word)).map((word) => [...word][0]!.toUpperCase());
  return letters.map((letter) => `${letter}.`).join('');
}

/** True when both the first name and the patronymic are known in full (so «Уважаемая Татьяна Николаевна!» can be written). */
export const hasFullFirstAndMiddle = (name: PersonName) => Boolean(name.first && name.middle);

const FEMALE_PATRONYMIC = /(овна|евна|ёвна|ична|инична|ovna|evna|ichna)$|( кизи| қизи| кызы| qizi| kizi| kyzy)$/i;
const MALE_PATRONYMIC = /(ович|евич|ёвич|ич|ovich|evich|ich)$|( угли| ўғли| уғли| оглы| огли| ugli| o'g'li| ogli)$/i;
const FEMALE_SURNAME = /(ова|ева|ёва|ина|ына|ская|цкая|ova|eva|ina|yna|skaya)$/i;
const MALE_SURNAME = /(ов|ев|ёв|ин|ын|ский|цкий|ov|ev|in|yn|sky|skiy)$/i;
/** Tajik women's names that end in a consonant (which lvovich reads as a man's): Шаҳноз, Гулчеҳра's -гул, Меҳрнигор. */
const TAJIK_FEMALE_FIRST = /(гул|ноз|нигор|бону|ниссо|моҳ|гулӣ|хонум|ой)$/i;

/**
 * Gender from the name where it tells: the patronymic, then the surname's ending (Tajik -зода, -ӣ, -пур tell nothing),
 * then the first name (Cyrillic, through lvovich, with Tajik women's endings); undefined otherwise — the card asks.
 */
export function genderFromName(name: PersonName): Gender | undefined {
  if (name.middle) {
    if (FEMALE_PATRONYMIC.test(name.middle)) return 'female';
    if (MALE_PATRONYMIC.test(name.middle)) return 'male';
  }
  for (const part of name.last.split(/[\s-]+/).reverse()) {
    if (FEMALE_SURNAME.test(part)) return 'female';
    if (MALE_SURNAME.test(part)) return 'male';
  }
  if (name.first && CYRILLIC.test(name.first)) {
    if (TAJIK_FEMALE_FIRST.test(name.first)) return 'female';
    const gender = getFirstnameGender(name.first.toLowerCase());
    if (gender === 'male' || gender === 'female') return gender;
  }
  return undefined;
}

/** Gender from a name as typed; undefined when it does not tell. */
export function inferGender(text: string): Gender | undefined {
  const name = parsePersonName(text);
  return name ? genderFromName(name) : undefined;
}

/**
 * The Latin letter(s) a Cyrillic initial is written with in an English letter, when the record has no Latin name:
 * the first letter by the passport transliteration of Russia and Tajikistan (ICAO 9303 with Tajik letters), so
 * «Рахимов» is "R." and «Шарипов» "Sh.". Only the initial is transliterated: a full name must come from the record.
 */
const LATIN: Record<string, string> = {
  А: 'A', Б: 'B', В: 'V', Г: 'G', Ғ: 'Gh', Д: 'D', Е: 'E', Ё: 'Yo', Ж: 'Zh', З: 'Z', И: 'I', Ӣ: 'I', Й: 'Y', К: 'K', Қ: 'Q', Л: 'L', М: 'M', Н: 'N', О: 'O',
  П: 'P', Р: 'R', С: 'S', Т: 'T', У: 'U', Ӯ: 'U', Ф: 'F', Х: 'Kh', Ҳ: 'H', Ц: 'Ts', Ч: 'Ch', Ҷ: 'J', Ш: 'Sh', Щ: 'Shch', Ы: 'Y', Э: 'E', Ю: 'Yu', Я: 'Ya',
};
export const latinInitial = (letter: string) => LATIN[letter.toUpperCase()] ?? letter.toUpperCase();
