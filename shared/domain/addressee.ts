import { getGender, incline } from 'lvovich';
import type { Counterpart } from './correspondence.ts';

/** A Russian full name as staff write it: «Фамилия Имя Отчество» (or «Фамилия Имя»). */
function splitName(name: string): { last: string; first?: string; middle?: string } {
  const [last = name, first, middle] = name.trim().split(/\s+/);
  return { last, first, middle };
}

const initials = (parts: { first?: string; middle?: string }) => [parts.first, parts.middle].filter(Boolean).map((word) => `${word![0]}.`).join(' ');

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

/** Gender from the name where it tells (patronymic, first name, surname ending); unknown otherwise. */
export function inferGender(name: string): 'male' | 'female' | undefined {
  const gender = getGender(splitName(name));
  return gender === 'male' || gender === 'female' ? gender : undefined;
}

/**
 * The addressee block and the salutation a letter to this counterpart opens with, in its language: Russian with the
 * position and the surname in the dative («Генеральному прокурору … / Иванову И. И.», «Уважаемый Иван Петрович!»);
 * Tajik and English with their own forms. Defaults only: the counterpart's card keeps whatever staff write.
 */
export function addresseeDefaults(counterpart: Pick<Counterpart, 'position' | 'name' | 'language' | 'gender'>): { addresseeDative: string; salutation: string; gender?: 'male' | 'female' } {
  const parts = splitName(counterpart.name);
  const gender = counterpart.gender ?? inferGender(counterpart.name);
  const firstAndMiddle = [parts.first, parts.middle].filter(Boolean).join(' ');
  if (counterpart.language === 'ru') {
    const dative = incline({ ...parts, gender }, 'dative');
    const surname = `${dative.last ?? parts.last}${parts.first ? ` ${initials(parts)}` : ''}`;
    const dear = gender === 'female' ? 'Уважаемая' : gender === 'male' ? 'Уважаемый' : 'Уважаемый(-ая)';
    return { addresseeDative: `${positionDative(counterpart.position)}\n${surname}`, salutation: `${dear} ${firstAndMiddle || parts.last}!`, gender };
  }
  if (counterpart.language === 'tg') {
    return { addresseeDative: `Ба ${counterpart.position}\n${counterpart.name}`, salutation: `Муҳтарам ${firstAndMiddle || parts.last}!`, gender };
  }
  const title = gender === 'female' ? 'Ms' : gender === 'male' ? 'Mr' : '';
  return { addresseeDative: `${counterpart.position}\n${counterpart.name}`, salutation: `Dear ${title ? `${title} ` : ''}${parts.last},`, gender };
}
