import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DossierService, issueSteps } from '../../electron/services/dossier/dossier-service.ts';
import { fingerprintOf } from '../../electron/services/letters/letter-registration.ts';
import { readWhole } from '../../electron/services/files/chunked-files.ts';
import { EvidenceService } from '../../electron/services/evidence/evidence-service.ts';
import { vaultSettings } from '../../electron/services/vault-service.ts';
import { storePath, unlockVault } from '../../electron/store/vault.ts';
import { verifyStore } from '../../electron/store/verify.ts';
import { getDossierFile } from '../../electron/store/repositories/dossier-repository.ts';
import { startChild } from '../support/children.ts';
import { DOSSIER_DAY, DOSSIER_PASS, kzMeeting, savedForIssue, scenarioVault } from '../support/dossier-scenario.ts';
import { pngImage } from '../support/images.ts';
import { tempDir } from '../support/temp.ts';

/** How a child ended, with what it printed. */
function ended(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

/**
 * Runs the issue-dossier child over the vault in `dir` with a private, empty TMPDIR; returns how it ended and what
 * that temp folder holds afterwards (it must hold nothing: no thumbnail, chart or writer writes a temp file).
 */
async function inChild(dir: string, mode: string) {
  const temp = tempDir('ombuds-child-tmp-');
  const result = await ended(startChild('issue-dossier.ts', [dir, DOSSIER_PASS, 'dossier-kz', DOSSIER_DAY, mode], { ...process.env, TMPDIR: temp, TMP: temp, TEMP: temp }));
  return { ...result, leftInTemp: readdirSync(temp) };
}

/** What is in the vault's folder (only the envelope and the store with its log). */
const vaultFiles = (dir: string) => readdirSync(dir).filter((name) => !['vault.json', 'store.db', 'store.db-wal', 'store.db-shm'].includes(name));

/** Opens the vault, checks it fully, and returns its dossier editions, each wholly there (Doc, both files, audit) or absent. */
async function editionsAfter(dir: string): Promise<number[]> {
  const vault = await unlockVault(dir, DOSSIER_PASS);
  try {
    const db = vault.db;
    const report = verifyStore(db, storePath(dir), vault.dek, vault.envelope);
    expect(report, JSON.stringify(report.checks)).toMatchObject({ ok: true });
    const dossiers = new DossierService(() => db, 'clerk');
    const editions = dossiers.editions('dossier-kz');
    const numbers = editions.map((edition) => edition.edition);
    // Every edition whole: its Doc matches its fingerprint, both files read back with their SHA-256, one audit row.
    for (const edition of editions) {
      expect(fingerprintOf(dossiers.editionDoc('dossier-kz', edition.edition).doc)).toBe(edition.sha256);
      for (const role of ['pdf', 'docx'] as const) {
        const record = getDossierFile(db, 'dossier-kz', edition.edition, role)!;
        expect(readWhole(db, 'dossier-file', record.id, record.sha256).length).toBe(record.size);
      }
    }
    // Nothing half-written: no file or chunk without its edition, one issue audit row per edition.
    expect(db.prepare('SELECT count(*) FROM dossier_file').pluck().get()).toBe(2 * editions.length);
    expect(db.prepare('SELECT count(*) FROM dossier_file_chunk WHERE file_id NOT IN (SELECT id FROM dossier_file)').pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'dossier.issue'").pluck().get()).toBe(editions.length);
    return numbers;
  } finally {
    vault.close();
  }
}

// One prepared vault for the file (the scenario with a photo as evidence, the dossier saved for issuing), copied per test.
let prepared: string;
beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'ombuds-dossier-kill-'));
  const vault = await scenarioVault(root);
  const photo = join(root, 'fotekh.png');
  writeFileSync(photo, pngImage(64, 48));
  new EvidenceService(() => vault.db, () => vaultSettings(vault), 'tester').add('in-fotekh-2024-03', [photo]);
  rmSync(photo);
  await savedForIssue(new DossierService(() => vault.db, 'clerk'), kzMeeting());
  vault.close();
  prepared = root;
});
afterAll(() => rmSync(prepared, { recursive: true, force: true }));

const copyOfVault = () => {
  const copy = tempDir();
  cpSync(join(prepared, 'vault'), copy, { recursive: true });
  return copy;
};

describe('issuing a dossier killed (kill -9) at each step', () => {
  const steps = ['kill-at-progress-1', ...issueSteps.map((step) => `kill-at-${step}`)];
  it.each(steps)('%s: the vault opens and verifies, the edition is wholly there or wholly absent, nothing in temp, and the next issue takes the next number', async (point) => {
    const dir = copyOfVault();
    const killed = await inChild(dir, `issue:${point}`);
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    expect(killed.leftInTemp).toEqual([]);
    expect(vaultFiles(dir)).toEqual([]);
    const expected = point === 'kill-at-committed' ? [1] : [];
    expect(await editionsAfter(dir)).toEqual(expected);
    // Issued again: the next number, no gap.
    const again = await inChild(dir, 'issue:none');
    expect(JSON.parse(again.stdout)).toEqual({ edition: expected.length + 1 });
    expect(again.leftInTemp).toEqual([]);
    expect(await editionsAfter(dir)).toEqual([...expected, expected.length + 1]);
  });
});

describe('a build or issue cancelled mid-way', () => {
  it.each(['build', 'issue'])('%s cancelled at the second step: `cancelled`, nothing written to the vault, nothing left in temp', async (action) => {
    const dir = copyOfVault();
    const before = await (async () => {
      const vault = await unlockVault(dir, DOSSIER_PASS);
      const counts = vault.db.prepare("SELECT (SELECT count(*) FROM audit_log) || '/' || (SELECT count(*) FROM dossier_edition) || '/' || (SELECT count(*) FROM dossier_file_chunk)").pluck().get();
      vault.close();
      return counts;
    })();
    const cancelled = await inChild(dir, `${action}:cancel-at-2`);
    expect(JSON.parse(cancelled.stdout)).toEqual({ error: 'cancelled' });
    expect(cancelled.leftInTemp).toEqual([]);
    expect(vaultFiles(dir)).toEqual([]);
    const vault = await unlockVault(dir, DOSSIER_PASS);
    expect(vault.db.prepare("SELECT (SELECT count(*) FROM audit_log) || '/' || (SELECT count(*) FROM dossier_edition) || '/' || (SELECT count(*) FROM dossier_file_chunk)").pluck().get()).toBe(before);
    vault.close();
    // Run to the end the same way, the child leaves nothing in temp either (thumbnails, charts and writers write none).
    const whole = await inChild(dir, `${action}:none`);
    expect(JSON.parse(whole.stdout)).toEqual(action === 'issue' ? { edition: 1 } : { built: expect.any(Number) });
    expect(whole.leftInTemp).toEqual([]);
  });
});
