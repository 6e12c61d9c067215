/**
 * A spelling-independent key for a person's name, so «Раҳимов Ҷамшед», «Рахимов Джамшед», "Rakhimov Jamshed" and
 * "Jamshed Rahimov" meet: Cyrillic (Russian and Tajik letters) is transliterated, the usual variants of
 * transliteration are folded (kh/h, dzh/j/zh, ch, sh, y/i, doubled letters), and the words are sorted.
 */
const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ғ: 'gh', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', ӣ: 'i', й: 'y', к: 'k', қ: 'q',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ӯ: 'u', ф: 'f', х: 'kh', ҳ: 'h', ц: 'ts', ч: 'ch',
  ҷ: 'j', ш: 'sh', щ: 'sh', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

export function transliterate(text: string): string {
  return [...text.toLowerCase()].map((ch) => CYRILLIC_TO_LATIN[ch] ?? ch).join('');
}

const FOLDS: [RegExp, string][] = [
  [/dzh|dj|zh/g, 'j'],
  [/kh/g, 'h'],
  [/gh/g, 'g'],
  [/q/g, 'k'],
  [/ch/g, 'c'],
  [/sh/g, 's'],
  [/ts/g, 'c'],
  [/y([aeiou])/g, '$1'],
  [/[yj](?=$)/g, ''],
  [/y/g, 'i'],
  [/w/g, 'v'],
  [/(.)\1+/g, '$1'],
];

function foldWord(word: string): string {
  let folded = transliterate(word).normalize('NFD').replace(/\p{M}+/gu, '').replace(/[^a-z]/g, '');
  for (const [pattern, replacement] of FOLDS) folded = folded.replace(pattern, replacement);
  return folded;
}

/** The key, or '' when the name has no letters. Group descriptions get keys too but are rarely equal. */
export function nameKey(name: string): string {
  return name
    .split(/[\s,.-]+/u)
    .map(foldWord)
    .filter((word) => word.length > 1)
    .sort()
    .join(' ');
}
