import { describe, expect, it } from 'vitest';
import { dossierCompositionSchema, dossierSections } from '../../../shared/domain/dossier.ts';
import { includedSections, moveRow, newComposition, sameComposition, sectionRows, withIncidents } from '../../../renderer/features/dossiers/composition.ts';

describe('the dossier screen’s composition helpers', () => {
  it('a new composition is valid as the contract reads it, with the default sections and the incidents given', () => {
    const made = newComposition('Встреча', 'ru', ['inc-1', 'inc-2']);
    const parsed = dossierCompositionSchema.parse(made);
    expect(parsed).toEqual(made);
    expect(made.sections).toEqual(['cover', 'contents', 'summary', 'ledger', 'incidents', 'evidence']);
    expect(made.selection).toEqual({ kind: 'incidents', incidentIds: ['inc-1', 'inc-2'] });
  });

  it('rows show every section, the included ones first in the dossier’s order, and give back the included order', () => {
    const rows = sectionRows(['ledger', 'cover']);
    expect(rows.map((row) => row.section)).toEqual(['ledger', 'cover', 'contents', 'summary', 'incidents', 'evidence', 'letters']);
    expect(rows.map((row) => row.included)).toEqual([true, true, false, false, false, false, false]);
    expect(includedSections(rows)).toEqual(['ledger', 'cover']);
    expect(rows).toHaveLength(dossierSections.length);
  });

  it('moves a row up, down and to a dropped place; out of range is clamped, a move to itself changes nothing', () => {
    const rows = sectionRows(['cover', 'contents', 'summary']);
    const order = (list: ReturnType<typeof sectionRows>) => list.map((row) => row.section).slice(0, 3);
    expect(order(moveRow(rows, 2, 1))).toEqual(['cover', 'summary', 'contents']);
    expect(order(moveRow(rows, 0, 1))).toEqual(['contents', 'cover', 'summary']);
    expect(order(moveRow(rows, 0, -5))).toEqual(['cover', 'contents', 'summary']);
    expect(moveRow(rows, 0, 99).at(-1)!.section).toBe('cover');
    expect(moveRow(rows, 1, 1)).toEqual(rows);
    expect(includedSections(moveRow(rows, 2, 0))).toEqual(['summary', 'cover', 'contents']);
  });

  it('adds incidents once each, turning a saved search into an explicit list only when asked to add', () => {
    const made = newComposition('x', 'tg', ['a']);
    expect(withIncidents(made, ['b', 'a', 'c']).selection).toEqual({ kind: 'incidents', incidentIds: ['a', 'b', 'c'] });
    expect(sameComposition(made, { ...made })).toBe(true);
    expect(sameComposition(made, { ...made, title: 'y' })).toBe(false);
  });
});
