import type { Counterpart } from '../../../shared/domain/correspondence.ts';
import type { DraftRequest, LetterDraft } from '../../../shared/domain/letter-draft.ts';
import type { InstrumentCode } from '../../../shared/domain/ratification.ts';
import type { LetterInput } from '../../../shared/templates/letters/input.ts';
import { citationsFor, treatyStanding, type IncidentEngagement } from '../../../shared/templates/letters/instruments.ts';
import { appendAudit } from '../../store/audit.ts';
import type { Db } from '../../store/open.ts';
import { getIncident } from '../../store/repositories/incident-repository.ts';
import { getPerson } from '../../store/repositories/person-repository.ts';
import { getPlace } from '../../store/repositories/place-repository.ts';
import { readRatificationOverrides } from '../../store/repositories/ratification-repository.ts';

export interface DraftChecks {
  /** For buildLetter: the counterpart state's standing under the treaties, and each incident's victim groups. */
  treaties: NonNullable<LetterInput['treaties']>;
  warnings: LetterDraft['warnings'];
  /** Records staff's deliberate citation of treaties the state is not a party to, under the draft's id. */
  audit(db: Db, actor: string, draftId: string): void;
}

/**
 * What the draft must tell the clerk about where its facts and treaties stand: engaged treaties the counterpart's
 * state is not a party to (reworded in the letter: `instrument-not-party`), those staff chose to cite anyway
 * (`instrument-cited-non-party`, audited), and incidents that happened outside the counterpart's country
 * (`place-outside-counterpart-country`: a counterpart abroad may have no say over them). Reads the incidents
 * itself, so unknown ids are left to the letter's own reading to refuse.
 */
export function draftChecks(db: Db, request: Pick<Required<DraftRequest>, 'incidentIds'> & { citeDespiteNonParty?: readonly InstrumentCode[] }, counterpart: Counterpart): DraftChecks {
  const chosen = request.citeDespiteNonParty ?? [];
  const standing = treatyStanding(counterpart.country, readRatificationOverrides(db), chosen);
  const victimGroups: Record<string, readonly string[]> = {};
  const engagements: IncidentEngagement[] = [];
  let elsewhere = false;
  for (const id of new Set(request.incidentIds)) {
    const incident = getIncident(db, id);
    if (!incident) continue;
    const groups = [...new Set(incident.victimIds.flatMap((personId) => getPerson(db, personId)?.characteristics ?? []))];
    victimGroups[id] = groups;
    engagements.push({ violationCodes: incident.violationTypes, victimGroups: groups });
    const place = incident.placeId ? getPlace(db, incident.placeId) : undefined;
    if (place && place.country !== counterpart.country) elsewhere = true;
  }
  const { notParty } = citationsFor(engagements, standing);
  const citedAnyway = citationsFor(engagements, { ...standing, citeDespiteNonParty: [] }).notParty.map((c) => c.instrument).filter((code) => chosen.includes(code));
  const warnings: LetterDraft['warnings'] = [
    ...(notParty.length ? (['instrument-not-party'] as const) : []),
    ...(citedAnyway.length ? (['instrument-cited-non-party'] as const) : []),
    ...(elsewhere ? (['place-outside-counterpart-country'] as const) : []),
  ];
  return {
    treaties: { standing, victimGroups },
    warnings,
    audit(target, actor, draftId) {
      if (citedAnyway.length === 0) return;
      // Codes and the state only: which treaties were cited to whom, never the letter's text.
      appendAudit(target, { actor, action: 'letter.cite-non-party', entity: 'letter-draft', entityId: draftId, after: { counterpartId: counterpart.id, country: counterpart.country, instruments: citedAnyway } });
    },
  };
}
