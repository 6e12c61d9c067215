import { dossierSections, type DossierComposition, type DossierSection } from '../../../shared/domain/dossier.ts';
import type { Language } from '../../../shared/domain/vault.ts';
import { newId } from '../incidents/new-id.ts';

/** The sections as the screen shows them: all seven in the dossier's order (unticked ones after, in default order). */
export interface SectionRow {
  section: DossierSection;
  included: boolean;
}

/** The sections a new dossier includes: every one but the letters annex (the contract's default). */
const defaultSections = dossierSections.filter((section) => section !== 'letters');

/** A fresh composition for the screen: the incidents given (e.g. chosen in the incident list), default sections. */
export function newComposition(title: string, language: Language, incidentIds: readonly string[] = []): DossierComposition {
  return {
    id: newId('dossier'),
    title,
    meeting: { with: '', place: '' },
    counterpartIds: [],
    language,
    classification: '',
    selection: { kind: 'incidents', incidentIds: [...incidentIds] },
    sections: [...defaultSections],
    notes: { foreword: '', talkingPoints: '', requests: '' },
    keepOriginal: [],
  };
}

export function sectionRows(sections: readonly DossierSection[]): SectionRow[] {
  const rest = dossierSections.filter((section) => !sections.includes(section));
  return [...sections.map((section) => ({ section, included: true })), ...rest.map((section) => ({ section, included: false }))];
}

/** The composition's `sections`: the ticked rows, in the screen's order. */
export const includedSections = (rows: readonly SectionRow[]): DossierSection[] => rows.filter((row) => row.included).map((row) => row.section);

/** Moves the row at `from` to `to` (both clamped), the others keeping their order; the same list when nothing moves. */
export function moveRow(rows: readonly SectionRow[], from: number, to: number): SectionRow[] {
  const target = Math.max(0, Math.min(rows.length - 1, to));
  if (from < 0 || from >= rows.length || from === target) return [...rows];
  const next = [...rows];
  const [row] = next.splice(from, 1);
  next.splice(target, 0, row!);
  return next;
}

/** Adds incidents to an explicit selection, each once, keeping the order they were added in. */
export function withIncidents(composition: DossierComposition, incidentIds: readonly string[]): DossierComposition {
  const before = composition.selection.kind === 'incidents' ? composition.selection.incidentIds : [];
  return { ...composition, selection: { kind: 'incidents', incidentIds: [...new Set([...before, ...incidentIds])] } };
}

/** Whether two compositions save the same (the screen's unsaved-changes mark). */
export const sameComposition = (a: DossierComposition, b: DossierComposition): boolean => JSON.stringify(a) === JSON.stringify(b);
