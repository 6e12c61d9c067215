import type { InstrumentCode, LetterPhrases } from './phrases.ts';

/**
 * Which instrument and articles each built-in violation type engages; codes added by the office engage none until
 * listed here. Ratified by Tajikistan and by the region's states, so a letter can cite them to any counterpart.
 */
const engaged: Record<string, readonly (readonly [InstrumentCode, string])[]> = {
  'arbitrary-detention': [['iccpr', '9'], ['icrmw', '16']],
  'prolonged-border-detention': [['iccpr', '9'], ['icrmw', '16']],
  'inhumane-detention-conditions': [['iccpr', '10'], ['cat', '16']],
  'deprivation-of-food-water': [['iccpr', '10'], ['cat', '16']],
  'ill-treatment': [['iccpr', '7'], ['cat', '16']],
  torture: [['iccpr', '7'], ['cat', '2'], ['cat', '16']],
  'prohibited-methods-document-checks': [['iccpr', '7'], ['iccpr', '17'], ['icrmw', '16']],
  'expulsion-without-court-decision': [['iccpr', '13'], ['icrmw', '22']],
  'public-display-of-detainees': [['iccpr', '14'], ['iccpr', '17']],
  'denial-of-access': [['vccr', '36'], ['icrmw', '16']],
  discrimination: [['iccpr', '26'], ['icerd', '5']],
  extortion: [['icrmw', '15'], ['icrmw', '16']],
};
const order: readonly InstrumentCode[] = ['iccpr', 'cat', 'icrmw', 'vccr', 'icerd'];

/** «Международным пактом … (ст. 7, 9)» for every instrument the violations engage, in a fixed order. */
export function instrumentsEngaged(violationCodes: Iterable<string>, phrases: LetterPhrases): string[] {
  const articles = new Map<InstrumentCode, Set<string>>();
  for (const code of violationCodes) for (const [instrument, article] of engaged[code] ?? []) articles.set(instrument, (articles.get(instrument) ?? new Set()).add(article));
  return order
    .filter((instrument) => articles.has(instrument))
    .map((instrument) => `${phrases.instruments[instrument]} (${phrases.articles([...articles.get(instrument)!].sort((a, b) => Number(a) - Number(b)))})`);
}
