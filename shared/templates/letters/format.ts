/** Small formatting helpers the phrase tables share. */

/** 15.03.2024 from 2024-03-15 (Russian and Tajik official letters write dates with dots). */
export const dotted = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** Russian plural: 1 день, 2 дня, 5 дней. */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

/** «A, B и C» with the language's last conjunction. */
export const joinList = (items: readonly string[], and: string) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`);

/** Ends a sentence with a full stop unless it already ends with one (a masked «гражданин А.» does). */
export const sentence = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

/** «видео в социальных сетях» from a label «Видео в социальных сетях», but «СМИ» and «ОВД» stay as they are. */
export const lowerFirst = (text: string) => (/^\p{Lu}\p{Ll}/u.test(text) ? `${text[0]!.toLocaleLowerCase()}${text.slice(1)}` : text);

export const upperFirst = (text: string) => (text ? `${text[0]!.toLocaleUpperCase()}${text.slice(1)}` : text);

/** GOST R 7.0.97's draft blank for a date or a number not yet assigned. */
export const BLANK = '__________';
