import { CorrespondenceService } from '../services/correspondence-service.ts';
import { DossierService } from '../services/dossier/dossier-service.ts';
import { EvidenceService } from '../services/evidence/evidence-service.ts';
import { LetterFiles } from '../services/letter-files.ts';
import { LetterService } from '../services/letters/letter-service.ts';
import { RecordsService } from '../services/records-service.ts';
import { vaultSettings, type OpenVault } from '../services/vault-service.ts';

/**
 * The services the window's composition root (electron/app.ts) builds, over the vault one CLI call opened: the
 * CLI reads and writes records only through them, so both front ends apply the same checks, transactions and
 * audit rows.
 */
export interface CliServices {
  records: RecordsService;
  evidence: EvidenceService;
  registry: CorrespondenceService;
  letters: LetterService;
  dossiers: DossierService;
}

export function cliServices(vault: OpenVault, actor: string): CliServices {
  const store = () => vault.db;
  const settings = () => vaultSettings(vault);
  const registry = new CorrespondenceService(store, actor);
  const letterFiles = new LetterFiles(store, () => settings().evidenceMaxMiB * 1024 ** 2, actor);
  return {
    records: new RecordsService(store, actor),
    evidence: new EvidenceService(store, settings, actor),
    registry,
    letters: new LetterService(store, registry, letterFiles, actor),
    dossiers: new DossierService(store, actor),
  };
}
