import type { IncidentQuery } from '../shared/domain/search.ts';
import type { Db } from '../electron/store/open.ts';
import { countIncidents, searchIncidents } from '../electron/store/repositories/incident-search.ts';
import { median, quantile, report, time } from './report.ts';

const ROUNDS = 5;
/** The incident list asks for its rows a page at a time (renderer/features/incidents/IncidentList.tsx). */
const PAGE = 200;

/** Text queries in the three languages, then the same words with the list's filters (each adds a join or a subquery). */
function queries(words: { tg: string[]; ru: string[]; en: string[] }): IncidentQuery[] {
  const texts = [...words.tg.slice(0, 6), ...words.ru.slice(0, 6), ...words.en.slice(0, 6), 'сарҳад ғизо', 'border deten', 'Раҳимов 12', 'мигр'];
  return [
    ...texts.map((text) => ({ text })),
    { text: words.tg[1], violationTypes: ['ill-treatment'] },
    { text: words.ru[1], country: 'KZ', from: '2021-01-01', to: '2022-12-31' },
    { text: words.en[8], characteristics: ['women'], statuses: ['documented'] },
    { violationTypes: ['arbitrary-detention', 'expulsion-without-court-decision'], sort: 'title' },
    {},
  ];
}

type Side = 'encrypted' | 'plain';

/**
 * A search as the incident list runs it — the count, then the first page of 200 hits — with the app's own queries
 * (`countIncidents`, `searchIncidents`: full text joined to the incident, its place and its victims, and the filters)
 * on the encrypted store and the very same calls on the plain store that got the same import. An untimed first round
 * warms both page caches and checks that both stores give identical answers, so the comparison is of equal work.
 */
export function benchSearch(encrypted: Db, plain: Db, words: { tg: string[]; ru: string[]; en: string[] }): void {
  const stores: Record<Side, Db> = { encrypted, plain };
  const list = queries(words);
  let identical = 0;
  for (const query of list) {
    const answer = (db: Db) => JSON.stringify([countIncidents(db, query), searchIncidents(db, { ...query, limit: PAGE })]);
    if (answer(encrypted) === answer(plain)) identical += 1;
  }
  const times: Record<Side, { count: number[]; page: number[] }> = { encrypted: { count: [], page: [] }, plain: { count: [], page: [] } };
  for (let round = 0; round < ROUNDS; round += 1) {
    // The side that runs first alternates, so neither always finds the other's work still in the CPU caches.
    const sides: Side[] = round % 2 === 0 ? ['encrypted', 'plain'] : ['plain', 'encrypted'];
    for (const query of list) {
      for (const side of sides) {
        times[side].count.push(time(() => countIncidents(stores[side], query)));
        times[side].page.push(time(() => searchIncidents(stores[side], { ...query, limit: PAGE })));
      }
    }
  }
  console.log(
    `\nsearch over 100,000 incidents: ${list.length} queries (tg/ru/en words, then with filters) × ${ROUNDS} rounds, each the count and the first page of ${PAGE}, ` +
      `the same calls on both stores (answers identical for ${identical} of ${list.length}); every generated incident shares a 30-word vocabulary, so most words match nearly all: a worst case; target p95 ≤ 20 ms`,
  );
  for (const kind of ['page', 'count'] as const) {
    const name = kind === 'page' ? 'first page' : 'count';
    report(`search ${name}, encrypted store p50`, median(times.encrypted[kind]), `same on plain store p50`, median(times.plain[kind]));
    report(`search ${name}, encrypted store p95`, quantile(times.encrypted[kind], 0.95), `same on plain store p95`, quantile(times.plain[kind], 0.95));
  }
}
