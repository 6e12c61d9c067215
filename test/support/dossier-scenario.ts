import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CorrespondenceService } from '../../electron/services/correspondence-service.ts';
import type { DossierService } from '../../electron/services/dossier/dossier-service.ts';
import { importInBatches } from '../../electron/services/interchange/batched-import.ts';
import { parseInterchange } from '../../electron/services/interchange/json-import.ts';
import { LetterFiles } from '../../electron/services/letter-files.ts';
import { LetterService } from '../../electron/services/letters/letter-service.ts';
import { createVault, type OpenVault } from '../../electron/store/vault.ts';
import type { DossierCompositionInput } from '../../shared/domain/dossier.ts';
import { missingTextKey } from '../../shared/domain/translations.ts';
import { FAST_KDF } from './fast-kdf.ts';

/** Dossier tests' common ground: the demo's scenario in a FAST_KDF vault (no vitest import: children use it too). */
export const DOSSIER_PASS = 'Хорог 2024 кӯҳ ва дарё';
export const DOSSIER_DAY = '2026-11-29';
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

/** The scenario (both incidents, the Kazakh ombudsman's register, the office) in a new vault in `dir`. */
export async function scenarioVault(dir: string): Promise<OpenVault> {
  const { vault } = await createVault(join(dir, 'vault'), DOSSIER_PASS, { actor: 'tester', kdf: FAST_KDF });
  const store = () => vault.db;
  for (const name of ['border-detention.json', 'kz-ombudsman-letters.json']) await importInBatches(vault.db, parseInterchange(vault.db, fixture(name)), 'tester');
  new LetterService(store, new CorrespondenceService(store, 'tester'), new LetterFiles(store, () => 2 ** 31, 'tester'), 'tester').saveOffice(JSON.parse(fixture('office.json')));
  return vault;
}

export const kzMeeting = (extra: Partial<DossierCompositionInput> = {}): DossierCompositionInput => ({
  id: 'dossier-kz',
  title: 'Встреча с Уполномоченным Республики Казахстан',
  meeting: { with: 'Уполномоченный по правам человека в Республике Казахстан', place: 'Астана', date: '2026-12-10' },
  counterpartIds: ['cp-kz-ombudsman'],
  language: 'ru',
  classification: 'Для служебного пользования',
  selection: { kind: 'incidents', incidentIds: ['in-fotekh-2024-03', 'in-moscow-2024-10'] },
  ...extra,
});

/** Saves the composition with every text the records lack in its language kept in the original, so it can be issued. */
export async function savedForIssue(dossiers: DossierService, composition: DossierCompositionInput): Promise<void> {
  dossiers.save(composition);
  const { missing } = await dossiers.build(composition.id, DOSSIER_DAY);
  dossiers.save({ ...composition, keepOriginal: missing.map(missingTextKey) });
}
