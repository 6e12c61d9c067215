import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { unlockVault } from '../electron/store/vault.ts';
import { damage, damages, PAGE, type Damage, type Damaged } from './damage.ts';
import { Counter, figure, percent, Tally } from './report.ts';
import type { Rng } from './rng.ts';
import { cli, copyVault, crashOf, digestChanges, expectOk, folderDigest, PASSPHRASE, workFolder, type CliRun, type Scenario as Template } from './vaults.ts';

/**
 * Corruption: byte flips, zeroed 4096-byte pages and truncations of the store, the stored files inside it (the
 * pages holding evidence and letter-file chunks), the write-ahead log a crash left, the key envelope and a backup.
 * Each trial damages a fresh copy and runs the check a user would: `verify` (which unlocks first), or `restore`
 * for a backup. Expected: detected with exit 4 (store, WAL, envelope), 2 (a key slot's ciphertext: GCM cannot tell
 * damage from a wrong secret) or 6 (backup), on one `ombuds:` line, never a crash, and no file deleted or rewritten
 * by the check (only unlock-attempts.json and a copy in wal-recovery/ may appear). Damage no check can see is
 * classified, not hidden: bytes already so, JSON whitespace, the unauthenticated `createdAt`, and damage to a WAL's
 * final transaction or a lost tail, which is what a write cut off by a crash looks like (README, Security, and
 * store/wal-check.ts). Only an undetected
 * change to authenticated content fails a trial.
 */
export const targets = ['store', 'stored files', 'write-ahead log', 'envelope', 'backup'] as const;
type Target = (typeof targets)[number];

type Verdict = { kind: 'detected' | 'no effect' | 'not authenticated' | 'by design'; how: string } | { kind: 'failed'; how: string };

interface Scenario {
  vault: string;
  walVault: string;
  backup: string;
  recoveryKey: string;
  /** Pages of store.db holding evidence and letter-file chunks. */
  chunkPages: number[];
  /**
   * Where the frames of the WAL's final transaction start. Damage from there on is what a crash in the middle of
   * writing that transaction leaves: once its commit frame is unreadable, nothing says it was ever committed.
   */
  lastTransactionStart: number;
  /** Where the WAL's last frame starts. */
  lastFrameStart: number;
}

const WAL_FRAME = 24 + PAGE;

async function makeScenario(root: string, template: Template, rng: Rng): Promise<Scenario> {
  const vault = copyVault(template.dir, join(root, 'scenario'));
  const recoveryKey = template.recoveryKey;
  const evidence = join(root, 'evidence.bin');
  writeFileSync(evidence, rng.bytes(2 * 1024 ** 2 + 12_345));
  expectOk(cli(['evidence', '--store', vault, '--incident', 'in-fotekh-2024-03', evidence]), 'evidence');
  const draft = join(root, 'draft.json');
  expectOk(cli(['letter', 'draft', '--store', vault, '--kind', 'appeal', '--counterpart', 'cp-kz-ombudsman', '--lang', 'ru', '--incidents', 'in-fotekh-2024-03', '--out', draft]), 'letter draft');
  expectOk(cli(['letter', 'register', '--store', vault, '--draft', draft]), 'letter register');
  const backup = join(root, 'scenario.ombudsbackup');
  expectOk(cli(['backup', '--store', vault, '--out', backup]), 'backup');
  const opened = await unlockVault(vault, PASSPHRASE);
  const chunkPages = opened.db.prepare("SELECT pageno FROM dbstat WHERE name IN ('evidence_chunk', 'letter_file_chunk')").pluck().all() as number[];
  opened.close();

  // A WAL with committed transactions only it holds: a writer killed -9 right after its commits.
  const walVault = copyVault(vault, join(root, 'scenario-wal'));
  const writer = spawnSync(process.execPath, [fileURLToPath(new URL('./commit-then-die.ts', import.meta.url)), walVault, '12'], { encoding: 'utf8' });
  if (writer.signal !== 'SIGKILL' || !existsSync(join(walVault, 'store.db-wal'))) throw new Error(`the WAL writer did not die after its commits: ${writer.stderr}`);
  const wal = readFileSync(join(walVault, 'store.db-wal'));
  const lastFrameStart = 32 + (Math.floor((wal.length - 32) / WAL_FRAME) - 1) * WAL_FRAME;
  return { vault, walVault, backup, recoveryKey, chunkPages, lastTransactionStart: lastTransactionStart(wal), lastFrameStart };
}

/** The offset of the first frame after the second-to-last commit frame (a commit frame's header holds the database size). */
function lastTransactionStart(wal: Buffer): number {
  const frames = Math.floor((wal.length - 32) / WAL_FRAME);
  const commits = Array.from({ length: frames }, (_, i) => i).filter((i) => wal.readUInt32BE(32 + i * WAL_FRAME + 4) !== 0);
  return 32 + ((commits.at(-2) ?? -1) + 1) * WAL_FRAME;
}

/** One `ombuds:` line (two when a damaged WAL was set aside: its warning, then the error), never a stack trace. */
function messageProblem(run: CliRun): string | null {
  const crash = crashOf(run);
  if (crash) return crash;
  const lines = run.stderr.trim().split('\n').filter(Boolean);
  if (run.status !== 0 && lines.length === 0) return `exit ${run.status} with no message`;
  if (lines.length > 2 || lines.some((line) => !line.startsWith('ombuds: '))) return `not a one-line message: ${JSON.stringify(run.stderr.slice(0, 200))}`;
  return null;
}

/**
 * The outcome by kind: the exit code, the message up to its advice, and for a failed `verify` the checks that
 * failed (`store damaged … (cipher-integrity: …; wal: …)`) — or "at unlock" when the store did not even open.
 */
function kindOf(run: CliRun): string {
  const line = (run.stderr.trim().split('\n').at(-1) ?? '').replace(/^ombuds: /, '');
  const message = line.split(/ — |; /)[0]!.trim();
  const checks = ['integrity', 'cipher-integrity', 'audit-chain', 'schema', 'recovery-slot', 'wal'].filter((name) => new RegExp(`[(;,—] ?${name}:`).test(line));
  const found = message.startsWith('store damaged') ? (checks.length ? ` (verify: ${checks.join(', ')})` : ' (at unlock)') : '';
  return `exit ${run.status}: ${message}${found}`;
}

const mayChange = (rel: string) => rel === 'unlock-attempts.json' || rel.startsWith('wal-recovery');
const walMayChange = (rel: string) => mayChange(rel) || rel.startsWith('store.db');

/** Store, stored files, WAL: `verify` must find it (exit 4) and leave every file as it was. */
function checkStore(target: Target, vault: string, damaged: Damaged, kind: Damage, scenario: Scenario): Verdict {
  const skip = target === 'write-ahead log' ? walMayChange : mayChange;
  const before = folderDigest(vault, skip);
  const run = cli(['verify', '--store', vault]);
  const problem = messageProblem(run);
  if (problem) return { kind: 'failed', how: problem };
  const changes = digestChanges(before, folderDigest(vault, skip));
  if (changes.length) return { kind: 'failed', how: `the check rewrote files: ${changes.join(', ')}` };
  if (target === 'write-ahead log') {
    const copies = existsSync(join(vault, 'wal-recovery')) ? readdirSync(join(vault, 'wal-recovery')) : [];
    if (copies.length && !readFileSync(join(vault, 'wal-recovery', copies[0]!)).equals(damaged.bytes)) return { kind: 'failed', how: 'the WAL copy set aside differs from the damaged WAL' };
  }
  if (run.status === 4 || run.status === 2) return { kind: 'detected', how: kindOf(run) };
  if (run.status !== 0) return { kind: 'failed', how: `unexpected ${kindOf(run)}` };
  // What a crash mid-write leaves, so no check can tell it from damage: a log cut short, or damage that reaches the
  // last frame and no frame before the final transaction (store/wal-check.ts explains the rule).
  const tornTail = damaged.at >= scenario.lastTransactionStart && damaged.end > scenario.lastFrameStart;
  if (target === 'write-ahead log' && (kind === 'truncation' || tornTail)) {
    return { kind: 'by design', how: kind === 'truncation' ? 'a WAL cut short reads as commits that never reached the disk' : "damage reaching the last frame, within the final transaction, reads as a write cut off by a crash" };
  }
  return { kind: 'failed', how: 'verify passed: a change to authenticated content went undetected' };
}

const parsedJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
const withoutCreatedAt = (value: unknown) => (value && typeof value === 'object' ? { ...(value as object), createdAt: null } : value);

/** The envelope: refused at unlock (exit 4 malformed, 2 a slot failing GCM) or, for the recovery slot, by the recovery key. */
function checkEnvelope(vault: string, original: Buffer, damaged: Buffer, scenario: Scenario, counts: Counter<string>): Verdict {
  const [was, now] = [parsedJson(original.toString('utf8')), parsedJson(damaged.toString('utf8'))];
  if (now !== undefined && isDeepStrictEqual(was, now)) return { kind: 'no effect', how: 'JSON formatting only: the same envelope' };
  const before = folderDigest(vault, mayChange);
  const run = cli(['verify', '--store', vault]);
  const problem = messageProblem(run);
  if (problem) return { kind: 'failed', how: problem };
  let verdict: Verdict;
  if (run.status === 4 || run.status === 2) {
    verdict = { kind: 'detected', how: kindOf(run) };
    if (run.status === 2) {
      const recovery = cli(['emergency-key', '--store', vault, '--recovery-key', scenario.recoveryKey]);
      counts.add(recovery.status === 0 ? 'passphrase slot damaged: the recovery key still opens the vault' : 'passphrase slot damaged: the recovery key fails too');
    }
  } else if (run.status === 0 && now !== undefined && isDeepStrictEqual(withoutCreatedAt(was), withoutCreatedAt(now))) {
    verdict = { kind: 'not authenticated', how: 'createdAt changed (informational, bound to nothing)' };
  } else if (run.status === 0) {
    const recovery = cli(['emergency-key', '--store', vault, '--recovery-key', scenario.recoveryKey]);
    const recoveryProblem = messageProblem(recovery);
    if (recoveryProblem) return { kind: 'failed', how: recoveryProblem };
    // The recovery slot carries a check keyed from the data key, so verify must find its damage before the day
    // the recovery key is needed; found only by the recovery key is a failure of verify.
    verdict =
      recovery.status === 2 || recovery.status === 4
        ? { kind: 'failed', how: `verify passed a damaged recovery slot; only the recovery key found it (${kindOf(recovery)})` }
        : { kind: 'failed', how: 'neither verify nor the recovery key noticed the changed envelope' };
  } else {
    verdict = { kind: 'failed', how: `unexpected ${kindOf(run)}` };
  }
  const changes = digestChanges(before, folderDigest(vault, mayChange));
  return changes.length ? { kind: 'failed', how: `the check rewrote files: ${changes.join(', ')}` } : verdict;
}

function backupHeader(bytes: Buffer): unknown {
  const magic = 'OMBUDS-DOSSIER-BACKUP\n'.length;
  if (bytes.length < magic + 4) return undefined;
  const length = bytes.readUInt32BE(magic);
  return parsedJson(bytes.subarray(magic + 4, magic + 4 + length).toString('utf8'));
}

/** A backup: `restore` over a vault refuses it (exit 6; 2 when its envelope copy's passphrase slot fails GCM) and replaces nothing. */
function checkBackup(root: string, file: string, original: Buffer, damaged: Buffer, scenario: Scenario): Verdict {
  const vault = copyVault(scenario.vault, join(root, 'restore-target'));
  const before = folderDigest(vault, mayChange);
  const run = cli(['restore', '--store', vault, '--from', file]);
  const problem = messageProblem(run);
  if (problem) return { kind: 'failed', how: problem };
  if (!readFileSync(file).equals(damaged)) return { kind: 'failed', how: 'restore changed the backup file' };
  if (run.status === 0) {
    const [was, now] = [backupHeader(original), backupHeader(damaged)];
    const headerOnly = original.length === damaged.length && original.subarray(original.length - 4096).equals(damaged.subarray(damaged.length - 4096));
    return headerOnly && now !== undefined && isDeepStrictEqual(withoutCreatedAt(was), withoutCreatedAt(now))
      ? { kind: 'not authenticated', how: 'createdAt changed (informational, bound to nothing)' }
      : { kind: 'failed', how: 'restore accepted a damaged backup' };
  }
  const changes = digestChanges(before, folderDigest(vault, mayChange));
  if (changes.length) return { kind: 'failed', how: `the refused restore changed the vault: ${changes.join(', ')}` };
  return run.status === 6 || run.status === 2 ? { kind: 'detected', how: kindOf(run) } : { kind: 'failed', how: `unexpected ${kindOf(run)}` };
}

export async function corruptionSuite(trials: number, template: Template, rng: Rng): Promise<Tally> {
  const tally = new Tally('corruption');
  const work = workFolder('corruption');
  try {
    const scenario = await makeScenario(work.root, template, rng);
    const perTarget = new Map<string, Counter<string>>();
    const outcomes = new Counter<string>();
    const recoveryCounts = new Counter<string>();
    for (let trial = 1; trial <= trials; trial += 1) {
      const target = rng.pick(targets);
      const kind = rng.pick(damages);
      const folder = join(work.root, 'trial');
      rmSync(folder, { recursive: true, force: true });
      const vault = copyVault(target === 'write-ahead log' ? scenario.walVault : scenario.vault, join(folder, 'vault'));
      const file = { store: join(vault, 'store.db'), 'stored files': join(vault, 'store.db'), 'write-ahead log': join(vault, 'store.db-wal'), envelope: join(vault, 'vault.json'), backup: join(folder, 'damaged.ombudsbackup') }[target];
      if (target === 'backup') copyFileSync(scenario.backup, file);
      const original = readFileSync(file);
      const damaged = damage(original, kind, rng, target === 'stored files' ? scenario.chunkPages : undefined);
      let verdict: Verdict;
      if (damaged.bytes.equals(original)) {
        verdict = { kind: 'no effect', how: 'the bytes were already so' };
      } else {
        writeFileSync(file, damaged.bytes);
        if (target === 'envelope') verdict = checkEnvelope(vault, original, damaged.bytes, scenario, recoveryCounts);
        else if (target === 'backup') verdict = checkBackup(folder, file, original, damaged.bytes, scenario);
        else verdict = checkStore(target, vault, damaged, kind, scenario);
      }
      const counter = perTarget.get(`${target}, ${kind}`) ?? new Counter<string>();
      perTarget.set(`${target}, ${kind}`, counter);
      counter.add(verdict.kind);
      outcomes.add(`${verdict.kind}: ${verdict.how}`);
      tally.record(verdict.kind === 'failed' ? verdict.how : null, `trial ${trial} (${target}, ${damaged.where})`);
      if (process.env.PROOF_VERBOSE) console.log(`  trial ${trial} (${target}, ${damaged.where}): ${verdict.kind}: ${verdict.how}`);
    }

    figure('trials', trials);
    for (const [name, counter] of [...perTarget].sort(([a], [b]) => a.localeCompare(b))) {
      figure(name, counter.entries().map(([kind, n]) => `${n} ${kind}`).join(', '));
    }
    for (const [how, n] of outcomes.entries().sort(([a], [b]) => a.localeCompare(b))) figure(how.slice(0, 100), n);
    recoveryCounts.print('');
    const total = (kind: Verdict['kind']) => [...perTarget.values()].reduce((sum, counter) => sum + counter.get(kind), 0);
    const detectable = trials - total('no effect') - total('not authenticated') - total('by design');
    figure('detected, of the damage a check can see', `${total('detected')} of ${detectable} (${percent(total('detected'), detectable)})`);
    figure('no crash, nothing deleted or rewritten', `${tally.passed} of ${trials}`);
  } finally {
    work.cleanup();
  }
  tally.close();
  return tally;
}


