import type { Language } from '../../domain/vault.ts';
import { detentionCodes } from '../letters/incident-text.ts';
import type { DossierChart, DossierCounterpart, DossierFigures, DossierIncident, GroupCharacteristic, GroupCount } from './input.ts';
import { dossierPhrases } from './phrases.ts';

type Person = DossierIncident['people'][number];

/**
 * The summary's figures from the incidents and the counterparts' ledgers. People are counted once each across
 * incidents (a person in two incidents is one person affected); a group counts its number. Individuals are counted
 * by characteristic exactly. A group of 40 tagged women and children is not 40 women and 40 children: it is 40
 * people in a group that includes women, and in one that includes children, so groups are counted apart by the
 * characteristics they carry. Days held add up the durations of incidents of detention known to the day.
 */
export function dossierFigures(incidents: readonly DossierIncident[], counterparts: readonly DossierCounterpart[]): DossierFigures {
  const people = new Map<string, Person>();
  for (const incident of incidents) for (const person of incident.people) people.set(person.id, person);
  const individuals = [...people.values()].filter((person) => person.kind === 'individual');
  const groups = [...people.values()].filter((person) => person.kind === 'group');
  const individualsWith = (test: (person: Person) => boolean) => individuals.filter(test).length;
  const groupCount = (chosen: readonly Person[]): GroupCount => ({ people: chosen.reduce((sum, group) => sum + group.count, 0), groups: chosen.length });
  const groupsWith = (code: GroupCharacteristic) => groupCount(groups.filter((group) => group.codes.includes(code)));
  const sum = (key: 'sent' | 'answered' | 'unanswered' | 'overdue') => counterparts.reduce((total, counterpart) => total + counterpart.ledger[key], 0);
  const inGroups = groupCount(groups);
  return {
    incidents: incidents.length,
    people: individuals.length + inGroups.people,
    individuals: individuals.length,
    women: individualsWith((person) => person.codes.includes('women')),
    children: individualsWith((person) => person.codes.includes('children')),
    minors: individualsWith((person) => person.minor),
    elderly: individualsWith((person) => person.codes.includes('elderly')),
    inGroups,
    groupsWith: { women: groupsWith('women'), children: groupsWith('children'), elderly: groupsWith('elderly') },
    daysHeld: incidents.filter((incident) => incident.violationCodes.some((code) => detentionCodes.has(code))).reduce((total, incident) => total + (incident.durationDays ?? 0), 0),
    places: new Set(incidents.flatMap((incident) => (incident.place ? [`${incident.place.country}\u0000${incident.place.name}`] : []))).size,
    sent: sum('sent'),
    answered: sum('answered'),
    unanswered: sum('unanswered'),
    overdue: sum('overdue'),
  };
}

/** Every month from the first to the last, so a chart shows the quiet months too. */
function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let current = first; current <= last; current = `${year}-${String(month).padStart(2, '0')}`) {
    out.push(current);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return out;
}

/**
 * The summary's charts as data: incidents by violation type (most first, then by label), incidents by month of
 * their first day, and letters sent vs answered per month for each counterpart (the ledger's timeline).
 */
export function dossierCharts(language: Language, incidents: readonly DossierIncident[], counterparts: readonly DossierCounterpart[]): DossierChart[] {
  const p = dossierPhrases[language];
  const byType = new Map<string, number>();
  for (const incident of incidents) for (const label of new Set(incident.violations)) byType.set(label, (byType.get(label) ?? 0) + 1);
  const types = [...byType.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], language));
  const months = incidents.map((incident) => incident.startDate.slice(0, 7)).sort();
  const calendar = months.length ? monthsBetween(months[0]!, months.at(-1)!) : [];
  const charts: DossierChart[] = [
    { id: 'by-violation', chart: 'bar', title: p.charts.byViolation, x: types.map(([label]) => label), series: [{ name: p.charts.incidents, values: types.map(([, count]) => count) }], xTitle: p.charts.type, yTitle: p.charts.count },
    { id: 'by-month', chart: 'line', title: p.charts.byMonth, x: calendar.map((month) => p.month(month)), series: [{ name: p.charts.incidents, values: calendar.map((month) => months.filter((m) => m === month).length) }], xTitle: p.charts.month, yTitle: p.charts.count },
  ];
  for (const counterpart of counterparts) {
    const timeline = counterpart.ledger.timeline;
    charts.push({
      id: `letters:${counterpart.id}`,
      title: p.charts.letters(counterpart.institution),
      chart: 'grouped-bar',
      x: timeline.map((entry) => p.month(entry.month)),
      series: [
        { name: p.charts.sent, values: timeline.map((entry) => entry.sent) },
        { name: p.charts.answered, values: timeline.map((entry) => entry.answered) },
      ],
      xTitle: p.charts.month,
      yTitle: p.charts.letterCount,
    });
  }
  return charts;
}
