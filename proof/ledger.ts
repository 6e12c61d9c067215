import { listEvidence } from '../electron/store/repositories/evidence-repository.ts';
import { searchIncidents } from '../electron/store/repositories/incident-search.ts';
import { listLetterFiles } from '../electron/store/repositories/letter-file-repository.ts';
import { lettersOf } from '../electron/store/repositories/letter-repository.ts';
import { readWhole } from '../electron/services/files/chunked-files.ts';
import { unlockVault } from '../electron/store/vault.ts';
import { PASSPHRASE } from './vaults.ts';

/**
 * What a vault holds, as a set of keys the kill suite compares before and after a command:
 * `incident:ID`, `evidence:INCIDENT:SHA256` (complete files only) and `letter:ID:NUMBER:DATE`.
 * Read through the store's own repositories (the functions the CLI's search, evidence and letters commands use).
 */
export type Ledger = ReadonlySet<string>;

/** The incidents evidence is added to by the suite (both from the scenario's fixtures). */
export const EVIDENCE_INCIDENTS = ['in-fotekh-2024-03', 'in-moscow-2024-10'] as const;

export async function readLedger(dir: string): Promise<Ledger> {
  return (await readVault(dir, '')).ledger;
}

/**
 * The ledger, and what is wrong with the letters registered on `registeredOn`: each must have its PDF and DOCX,
 * complete, whose bytes match the SHA-256 recorded at registration (the check `letter export` makes).
 */
export async function readVault(dir: string, registeredOn: string): Promise<{ ledger: Ledger; letterProblems: string[] }> {
  const vault = await unlockVault(dir, PASSPHRASE);
  try {
    const keys = new Set<string>();
    const letterProblems: string[] = [];
    for (const hit of searchIncidents(vault.db, { limit: 100_000 } as Parameters<typeof searchIncidents>[1])) keys.add(`incident:${hit.id}`);
    for (const incident of EVIDENCE_INCIDENTS) for (const record of listEvidence(vault.db, incident)) keys.add(`evidence:${incident}:${record.sha256}`);
    for (const letter of lettersOf(vault.db)) {
      keys.add(`letter:${letter.id}:${letter.number}:${letter.date}`);
      if (letter.direction !== 'outgoing' || letter.date !== registeredOn) continue;
      const files = listLetterFiles(vault.db, letter.id);
      for (const role of ['pdf', 'docx'] as const) {
        const file = files.find((candidate) => candidate.role === role);
        if (!file) letterProblems.push(`letter ${letter.number} has no ${role}`);
        else if (!hasBytes(() => readWhole(vault.db, 'letter-file', file.id, file.sha256))) letterProblems.push(`letter ${letter.number}: its ${role} does not match its SHA-256`);
      }
    }
    return { ledger: keys, letterProblems };
  } finally {
    vault.close();
  }
}

function hasBytes(read: () => Buffer): boolean {
  try {
    return read().length > 0;
  } catch {
    return false;
  }
}

export const minus = (a: Ledger, b: Ledger) => [...a].filter((key) => !b.has(key));
export const sameLedger = (a: Ledger, b: Ledger) => a.size === b.size && minus(a, b).length === 0;

/** Outgoing numbers of the suite's registration day, in order: they must run 1, 2, 3… with no gap and no repeat. */
export function numberingProblem(ledger: Ledger, date: string, prefix: string): string | null {
  const sequence = [...ledger]
    .filter((key) => key.startsWith('letter:') && key.endsWith(`:${date}`))
    .map((key) => key.split(':').slice(2, -1).join(':'))
    .filter((number) => number.startsWith(prefix))
    .map((number) => Number(number.slice(prefix.length)))
    .sort((a, b) => a - b);
  return sequence.every((n, i) => n === i + 1) ? null : `numbers of ${date} are not 1…${sequence.length}: ${sequence.join(', ')}`;
}
