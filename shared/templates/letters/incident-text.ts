import type { Run } from '../../document/model.ts';
import type { IncidentForLetter, VictimFacts } from './input.ts';
import type { LetterPhrases } from './phrases.ts';

/** «гражданин(ка) А.» for a withheld identity (unless deliberately revealed); a consented name as it is. */
export function victimName(victim: VictimFacts, phrases: LetterPhrases, reveal: boolean): string {
  if (!victim.withheld || reveal) return victim.name;
  const initial = [...victim.name.trim()][0]?.toLocaleUpperCase() ?? '?';
  return phrases.masked(initial);
}

export const whenOf = (incident: IncidentForLetter, phrases: LetterPhrases) => phrases.when(incident.startDate, incident.endDate, incident.datePrecision);
export const whereOf = (incident: IncidentForLetter, phrases: LetterPhrases) => (incident.place ? phrases.where(incident.place.name, phrases.countries[incident.place.country] ?? incident.place.country) : '');

/** The people affected and, for individuals, who (masked as disclosure requires). */
export function peopleText(incident: IncidentForLetter, phrases: LetterPhrases, reveal: boolean): string {
  if (incident.peopleAffected === 0) return '';
  const characteristics = [...new Set(incident.victims.flatMap((victim) => victim.characteristics))];
  const individuals = incident.victims.filter((victim) => victim.kind === 'individual').map((victim) => victimName(victim, phrases, reveal));
  return [phrases.people(incident.peopleAffected, characteristics), individuals.length ? phrases.victimsNamed(individuals) : ''].filter(Boolean).join(' ');
}

/**
 * One incident told in the letter: when and where in bold with its title, then what happened, the violations
 * and methods, who was affected, how long, and the sources — every piece only when the record has it.
 */
export function incidentRuns(incident: IncidentForLetter, phrases: LetterPhrases, reveal: boolean): Run[] {
  const head = [whenOf(incident, phrases), whereOf(incident, phrases)].filter(Boolean).join(', ');
  const description = incident.description.trim();
  const rest = [
    description ? (/[.!?…]$/.test(description) ? description : `${description}.`) : '',
    incident.violations.length ? phrases.violations(incident.violations) : '',
    incident.methods.length ? phrases.methods(incident.methods) : '',
    peopleText(incident, phrases, reveal),
    incident.durationDays !== null && incident.durationDays > 0 ? phrases.held(incident.durationDays) : '',
    incident.sources.length ? phrases.sources(incident.sources.map((source) => [source.type, source.reference].filter(Boolean).join(': '))) : '',
  ].filter(Boolean);
  const title = incident.title.trim().replace(/[.!?…]*$/, '.');
  const lead = head ? `${head[0]!.toLocaleUpperCase()}${head.slice(1)} — ${title}` : title;
  // The space between the runs belongs to the first one: writers may drop a run's leading space at a font change.
  return rest.length ? [{ text: `${lead} `, bold: true }, { text: rest.join(' ') }] : [{ text: lead, bold: true }];
}

/** «41 (женщины, дети)»: the annex's short form of who was affected. */
export function peopleCount(incident: IncidentForLetter): string {
  if (incident.peopleAffected === 0) return '';
  const characteristics = [...new Set(incident.victims.flatMap((victim) => victim.characteristics))].map((c) => c.toLowerCase());
  return `${incident.peopleAffected}${characteristics.length ? ` (${characteristics.join(', ')})` : ''}`;
}
