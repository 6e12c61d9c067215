import type { Run } from '../../document/model.ts';
import { inferGender, latinInitial, type Gender } from '../../domain/person-name.ts';
import type { Language } from '../../domain/vault.ts';
import { lowerFirst, sentence } from './format.ts';
import type { CaseForLetter, IncidentForLetter, VictimFacts } from './input.ts';
import type { Held, LetterPhrases, PeopleFacts } from './phrases.ts';

/** Violation types that hold people (the dossier's «days held» adds these up): a duration of one of them reads «Их удерживали 5 дней». */
export const detentionCodes: ReadonlySet<string> = new Set(['arbitrary-detention', 'prolonged-border-detention', 'inhumane-detention-conditions']);

/** The victim's gender: the record's, else the characteristic «women», else the name's; undefined when none tells. */
export function victimGender(victim: VictimFacts): Gender | undefined {
  if (victim.gender) return victim.gender;
  if (victim.characteristicCodes?.includes('women')) return 'female';
  return victim.kind === 'individual' ? inferGender(victim.name) : undefined;
}

/**
 * A victim's name as the letter shows it: a consented name as it is (the Latin one in English), a withheld identity
 * masked by gender — «гражданин Р.», «гражданка Р.», «лицо Р.»; an English letter masks with the Latin initial
 * ("citizen R."), transliterating the Cyrillic one when the record has no Latin name.
 */
export function victimName(victim: VictimFacts, phrases: LetterPhrases, reveal: boolean, language: Language): string {
  const name = language === 'en' ? (victim.nameLatin ?? victim.name) : victim.name;
  if (!victim.withheld || reveal) return name;
  const first = [...name.trim()][0] ?? '?';
  return phrases.masked(language === 'en' ? latinInitial(first) : first.toLocaleUpperCase(), victimGender(victim));
}

export const whenOf = (incident: CaseForLetter, phrases: LetterPhrases) => phrases.when(incident.startDate, incident.endDate, incident.datePrecision);
export const whereOf = (incident: CaseForLetter, phrases: LetterPhrases) => (incident.place ? phrases.where(incident.place.name, phrases.countries[incident.place.country] ?? incident.place.country) : '');
/** «15.03.2024, КПП «Фотех» (Республика Казахстан) — Задержание граждан» for lists of cases. */
export const caseLine = (incident: CaseForLetter, phrases: LetterPhrases) => phrases.caseLine(whenOf(incident, phrases), whereOf(incident, phrases), incident.title.trim().replace(/[.!?…]+$/, ''));

/** One person's characteristics in the singular, the gender's form («трудовая мигрантка»); «women» goes without saying. */
function singularTraits(victim: VictimFacts, gender: Gender | undefined, phrases: LetterPhrases): string[] {
  return victim.characteristics.flatMap((label, index) => {
    const code = victim.characteristicCodes?.[index];
    if (code === 'women' && gender === 'female') return [];
    return [(code && phrases.trait(code, gender)) ?? phrases.otherTrait(label, gender)];
  });
}

/** Characteristics every victim has («все — трудовые мигранты») and those only some have («в том числе дети»). */
function characteristicsShared(incident: IncidentForLetter): { all: string[]; some: string[] } {
  const labels = [...new Set(incident.victims.flatMap((victim) => victim.characteristics))];
  const all = labels.filter((label) => incident.victims.length > 0 && incident.victims.every((victim) => victim.characteristics.includes(label)));
  return { all, some: labels.filter((label) => !all.includes(label)) };
}

/** Who was affected, gathered for the language's sentence: one person by name and traits, or a count and groups. */
export function peopleFacts(incident: IncidentForLetter, phrases: LetterPhrases, reveal: boolean, language: Language): PeopleFacts {
  const individuals = incident.victims.filter((victim) => victim.kind === 'individual');
  if (incident.peopleAffected === 1) {
    const victim = individuals[0] ?? incident.victims[0];
    const gender = victim && victimGender(victim);
    return {
      count: 1,
      single: {
        ...(individuals[0] ? { name: victimName(individuals[0], phrases, reveal, language) } : {}),
        ...(gender ? { gender } : {}),
        masked: Boolean(individuals[0]?.withheld && !reveal),
        traits: victim ? singularTraits(victim, gender, phrases) : [],
      },
      all: [],
      some: [],
      named: [],
    };
  }
  return {
    count: incident.peopleAffected,
    single: null,
    ...characteristicsShared(incident),
    named: individuals.map((victim) => victimName(victim, phrases, reveal, language)),
  };
}

function heldBy(facts: PeopleFacts): Held {
  if (!facts.single) return 'many';
  return facts.single.gender ?? 'unknown';
}

/**
 * One incident told in the letter as prose: when and where in bold with its title, then what happened (the
 * record's description), who was affected, how long, what violations the acts bear the marks of, the methods, and
 * how we know — every piece only when the record has it.
 */
export function incidentRuns(incident: IncidentForLetter, phrases: LetterPhrases, reveal: boolean, language: Language): Run[] {
  const description = incident.description.trim();
  const facts = peopleFacts(incident, phrases, reveal, language);
  const detention = incident.violationCodes.some((code) => detentionCodes.has(code));
  const rest = [
    description ? sentence(description) : '',
    incident.peopleAffected > 0 ? phrases.people(facts) : '',
    incident.durationDays !== null && incident.durationDays > 0 ? phrases.held(incident.durationDays, heldBy(facts), detention) : '',
    incident.violations.length ? phrases.violations(incident.violations) : '',
    incident.methods.length ? phrases.methods(incident.methods) : '',
    incident.sources.length ? phrases.sources(incident.sources.map((source) => (source.reference ? `${lowerFirst(source.type)} (${source.reference})` : lowerFirst(source.type)))) : '',
  ].filter(Boolean);
  const lead = sentence(caseLine(incident, phrases));
  // The space between the runs belongs to the first one: writers may drop a run's leading space at a font change.
  return rest.length ? [{ text: `${lead} `, bold: true }, { text: rest.join(' ') }] : [{ text: lead, bold: true }];
}

/** «41 человек — трудовые мигранты, в том числе женщины и дети»: the annex's short form of who was affected. */
export function peopleCount(incident: IncidentForLetter, phrases: LetterPhrases): string {
  if (incident.peopleAffected === 0) return '';
  const { all, some } = characteristicsShared(incident);
  return phrases.peopleShort(incident.peopleAffected, all, some);
}
