/**
 * Folds text for search so Tajik, Russian and English match the way staff type: case-insensitive, diacritics
 * dropped (ӣ→и, ӯ→у, ё→е, й→и), and the Tajik letters without a decomposition mapped to their plain Cyrillic
 * forms (ғ→г, қ→к, ҳ→х, ҷ→ч). The same fold is applied to stored text and to queries.
 */
const TAJIK_PLAIN: Record<string, string> = { ғ: 'г', қ: 'к', ҳ: 'х', ҷ: 'ч', ҙ: 'з', ҫ: 'с' };

export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ғқҳҷҙҫ]/g, (ch) => TAJIK_PLAIN[ch] ?? ch);
}

/** Words of a query, folded; punctuation separates words, as in the index. */
export function searchTerms(query: string): string[] {
  return foldForSearch(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 20);
}
