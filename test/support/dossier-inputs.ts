import { dossierSections } from '../../shared/domain/dossier.ts';
import { computeLedger, type LedgerLetter } from '../../shared/domain/ledger.ts';
import type { Language } from '../../shared/domain/vault.ts';
import { dossierCharts, dossierFigures } from '../../shared/templates/dossier/figures.ts';
import type { DossierCounterpart, DossierEvidence, DossierIncident, DossierInput } from '../../shared/templates/dossier/input.ts';
import { buildLetter } from '../../shared/templates/letters/letter.ts';
import { appeal, incident } from './letter-inputs.ts';

/** A 1×1 PNG (a grey pixel): a real image for figure blocks. */
export const PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==';

const evidence = (n: number, overrides: Partial<DossierEvidence> = {}): DossierEvidence => ({
  id: `ev-${n}`,
  fileName: `photo-${n}.png`,
  mediaType: 'image/png',
  size: 2048 + n,
  sha256: `${String(n).padStart(2, '0')}`.repeat(32),
  addedBy: 'Д. Каримова',
  addedAt: '2024-04-02T09:00:00.000Z',
  thumbnail: { mediaType: 'image/png', base64: PIXEL_PNG, width: 4, height: 3 },
  damaged: false,
  ...overrides,
});

/** An incident as a sheet needs it: the letters' fixture (a group of 40 and Рахимов Алишер, withheld) plus a sheet's facts. */
export function dossierIncident(n: number, overrides: Partial<DossierIncident> = {}): DossierIncident {
  return {
    ...incident(n, { endDate: null }),
    status: 'raised',
    reliability: ['probable'],
    evidence: [evidence(n)],
    letters: [{ id: 'l-1', direction: 'outgoing', number: '01-12/1', date: '2024-03-20', counterpartId: 'cp-kz' }],
    people: [
      { id: `group-${n}`, kind: 'group', count: 40, codes: ['women', 'children'], minor: false },
      { id: 'rahimov', kind: 'individual', count: 1, codes: [], minor: true },
    ],
    ...overrides,
  };
}

/** `sent` letters of ours from March 2024, one a month; the first `answered` of them answered ten days later. */
export function counterpartWith(sent: number, answered: number, asOf = '2026-11-29'): DossierCounterpart {
  const letters: (LedgerLetter & { subject: string })[] = [];
  for (let i = 0; i < sent; i += 1) {
    const date = `${2024 + Math.floor((2 + i) / 12)}-${String(((2 + i) % 12) + 1).padStart(2, '0')}-15`;
    letters.push({ id: `out-${i}`, direction: 'outgoing', number: `01-12/${i + 1}`, date, expectedReplyBy: `${date.slice(0, 8)}28`, subject: `О задержании граждан № ${i + 1}` });
    if (i < answered) letters.push({ id: `in-${i}`, direction: 'incoming', number: `KZ-${i + 1}`, date: `${date.slice(0, 8)}25`, inReplyTo: `out-${i}`, subject: 'Ответ' });
  }
  const ledger = computeLedger(letters, asOf);
  const answeredIds = new Set(letters.flatMap((letter) => (letter.inReplyTo ? [letter.inReplyTo] : [])));
  return {
    id: 'cp-kz',
    institution: 'Уполномоченный по правам человека в Республике Казахстан',
    country: 'KZ',
    ledger,
    entries: letters.map((letter) => ({
      id: letter.id,
      direction: letter.direction,
      number: letter.number,
      date: letter.date,
      subject: letter.subject,
      state: letter.direction === 'incoming' ? 'received' : answeredIds.has(letter.id) ? 'answered' : 'overdue',
      daysWaiting: letter.direction === 'outgoing' && !answeredIds.has(letter.id) ? 100 : null,
      links: [],
    })),
  };
}

/** A whole dossier input in `language` with every section, three incidents and the Kazakh counterpart's 11 / 1. */
export function dossierInput(language: Language, overrides: Partial<DossierInput> = {}): DossierInput {
  const incidents = overrides.incidents ?? [
    dossierIncident(1),
    dossierIncident(2, { violationCodes: ['arbitrary-detention'], violations: ['Произвольное задержание'], startDate: '2024-03-10', endDate: '2024-03-14', durationDays: 5 }),
    dossierIncident(3, { evidence: [evidence(3, { damaged: true, thumbnail: null }), evidence(4, { fileName: 'statement.pdf', mediaType: 'application/pdf', thumbnail: null })] }),
  ];
  const counterparts = overrides.counterparts ?? [counterpartWith(11, 1)];
  const frozen = buildLetter(appeal([incident(1)], { language: 'ru', number: '01-12/1', date: '2024-03-20' }));
  return {
    language,
    title: 'Досье к встрече с Уполномоченным по правам человека в Республике Казахстан',
    meeting: { with: 'Встреча с Уполномоченным по правам человека в Республике Казахстан', place: 'г. Астана', date: '2026-12-10' },
    classification: 'Для служебного пользования',
    edition: { number: 1, date: '2026-11-29' },
    asOf: '2026-11-29',
    sections: [...dossierSections],
    notes: { foreword: 'Вступление.', talkingPoints: 'Первый тезис.\nВторой тезис.', requests: '' },
    office: { name: 'Уполномоченный по правам человека в Республике Таджикистан', addressLines: ['734025, г. Душанбе, проспект Рудаки, 19'], emblem: null },
    counterparts,
    incidents,
    figures: dossierFigures(incidents, counterparts),
    charts: dossierCharts(language, incidents, counterparts),
    letters: [{ id: 'l-1', number: '01-12/1', date: '2024-03-20', doc: frozen }],
    ...overrides,
  };
}
