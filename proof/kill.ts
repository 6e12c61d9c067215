import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readBackup } from '../electron/store/backup-file.ts';
import { minus, numberingProblem, readLedger, readVault, sameLedger, type Ledger } from './ledger.ts';
import { NUMBER_PREFIX, operations, prepare, REGISTRATION_DATE, type ChainContext, type KnownBackup, type Operation, type PreparedOperation } from './kill-ops.ts';
import { Counter, figure, Tally } from './report.ts';
import type { Rng } from './rng.ts';
import { cli, copyVault, crashOf, expectOk, firstLine, startCli, workFolder, type CliRun, type Scenario } from './vaults.ts';

/**
 * kill -9: the real CLI, killed at a point drawn from the seeded generator while it imports (JSON, XLSX), takes in
 * evidence, registers a letter, writes a backup or restores one. Half the kills land exactly before a counted step
 * (a store statement or a file call, kill-point.ts: reproducible with the seed); the other half after a drawn
 * delay, which can also land inside a single native call (a COMMIT, a checkpoint, VACUUM INTO). Whatever the
 * moment, the invariant is the same and nothing depends on timing to pass: afterwards `verify` exits 0 with no
 * warning, every record committed before is there, and the command is wholly there or wholly absent.
 */
export interface KillSettings {
  runs: number;
  /** Commands run one after another on the same vault, each killed, before a fresh copy of the scenario. */
  chainLength: number;
}

type Landing = 'before it touched the store or a file' | 'mid-operation' | 'after the command had finished';
type Mode = 'at a counted step' | 'after a drawn delay';

/** An uninterrupted run of the command on the scenario: how many steps it counts, how long it takes. */
interface Calibration {
  steps: number;
  ms: number;
  /** When its first step came (start-up: loading the code), so drawn delays land mostly in the work. */
  firstStepMs: number;
}

interface Outcome {
  problems: string[];
  present: boolean;
  ledger: Ledger;
}

const finished = (run: CliRun) => run.signal === null && run.status === 0;

/** The vault after the command: verified by the CLI, then its ledger compared with what it held before. */
async function check(prepared: PreparedOperation, run: CliRun, dir: string, before: Ledger): Promise<Outcome> {
  const problems: string[] = [];
  if (run.signal !== 'SIGKILL') {
    const crash = crashOf(run);
    if (crash) problems.push(crash);
    else if (run.status !== 0) problems.push(`the command failed by itself: exit ${run.status}: ${firstLine(run.stderr)}`);
  }
  const verify = cli(['verify', '--store', dir]);
  if (verify.status !== 0) problems.push(`verify exit ${verify.status}: ${firstLine(verify.stderr)}`);
  else if (verify.stderr.trim() !== '') problems.push(`verify warned: ${firstLine(verify.stderr)}`);
  let after: Ledger;
  try {
    const read = await readVault(dir, REGISTRATION_DATE);
    after = read.ledger;
    problems.push(...read.letterProblems);
  } catch (error) {
    problems.push(`the vault does not open: ${(error as Error).message}`);
    return { problems, present: false, ledger: before };
  }
  let present: boolean;
  if (prepared.restores) {
    present = !sameLedger(after, before) || sameLedger(before, prepared.restores.ledger);
    if (!sameLedger(after, before) && !sameLedger(after, prepared.restores.ledger)) {
      problems.push(`after the restore the vault is neither the old one nor the backup's (${minus(after, before).length} extra, ${minus(before, after).length} missing)`);
    }
  } else {
    const missing = minus(before, after);
    if (missing.length) problems.push(`${missing.length} earlier record(s) missing, e.g. ${missing[0]}`);
    const extra = minus(after, before);
    const expected = prepared.adds;
    const whole =
      extra.length === 0 ||
      (prepared.operation === 'register' ? extra.length === 1 && extra[0]!.startsWith(expected[0]!) : extra.length === expected.length && expected.every((key) => after.has(key)));
    if (!whole) problems.push(`partly there: ${extra.length} of ${expected.length} new record(s)`);
    present = extra.length > 0;
    if (prepared.backupFile) present = backupCheck(prepared.backupFile, problems);
  }
  if (finished(run) && !present && !(prepared.restores && sameLedger(before, prepared.restores.ledger))) {
    problems.push('the command finished but its records are not there');
  }
  const numbering = numberingProblem(after, REGISTRATION_DATE, NUMBER_PREFIX);
  if (numbering) problems.push(numbering);
  return { problems, present, ledger: after };
}

/** A backup at the target name must be whole; a killed backup leaves none or a whole one. */
function backupCheck(file: string, problems: string[]): boolean {
  if (!existsSync(file)) return false;
  try {
    readBackup(file);
    return true;
  } catch (error) {
    problems.push(`a damaged backup was left at the target name: ${(error as Error).message}`);
    return false;
  }
}

/** The same draft registered again: it keeps its one number if the killed registration committed, else takes the next. */
async function reRegister(prepared: PreparedOperation, dir: string, outcome: Outcome, counts: Counter<string>): Promise<Outcome> {
  const run = cli(prepared.args);
  const problems: string[] = [];
  if (run.status !== 0) return { ...outcome, problems: [`registering the draft again failed: exit ${run.status}: ${firstLine(run.stderr)}`] };
  const after = await readLedger(dir);
  const extra = minus(after, outcome.ledger);
  if (outcome.present) {
    counts.add('registered again: kept its one number');
    if (extra.length || !run.stdout.includes('already registered')) problems.push('the draft registered again got a second letter');
  } else {
    counts.add('registered again: took the next number');
    if (extra.length !== 1 || !extra[0]!.startsWith(prepared.adds[0]!)) problems.push('registering the draft again did not add exactly its letter');
  }
  const numbering = numberingProblem(after, REGISTRATION_DATE, NUMBER_PREFIX);
  if (numbering) problems.push(numbering);
  return { problems, present: true, ledger: after };
}

/** Runs the command once, uninterrupted, on a fresh copy of the scenario (done the first time it is drawn). */
async function calibrate(operation: Operation, root: string, template: string, templateBackup: KnownBackup, rng: Rng): Promise<Calibration> {
  const dir = copyVault(template, join(root, `calibrate-${operation}`, 'vault'));
  const files = join(root, `calibrate-${operation}`, 'files');
  mkdirSync(files);
  const prepared = await prepare(operation, { dir, files, rng: rng.fork(), run: 0, backups: [templateBackup] });
  const start = performance.now();
  const run = await startCli(prepared.args, 0).done;
  expectOk(run, `calibration of ${operation}`);
  return { steps: run.trace.length, ms: performance.now() - start, firstStepMs: run.firstStepMs ?? 0 };
}

export async function killSuite(settings: KillSettings, scenario: Scenario, rng: Rng): Promise<Tally> {
  const tally = new Tally('kill -9');
  const work = workFolder('kill');
  try {
    const template = copyVault(scenario.dir, join(work.root, 'template'));
    const templateBackupFile = join(work.root, 'template.ombudsbackup');
    expectOk(cli(['backup', '--store', template, '--out', templateBackupFile]), 'backup of the scenario');
    const templateLedger = await readLedger(template);
    const templateBackup: KnownBackup = { file: templateBackupFile, ledger: templateLedger };
    const calibrations = new Map<Operation, Calibration>();

    const byOperation = new Counter<Operation>();
    const modes = new Counter<Mode>();
    const landings = new Counter<Landing>();
    const results = new Counter<string>();
    const retries = new Counter<string>();
    let context: ChainContext | null = null;
    let ledger = templateLedger;
    for (let run = 1; run <= settings.runs; run += 1) {
      if ((run - 1) % settings.chainLength === 0) {
        const chain = join(work.root, `chain-${Math.ceil(run / settings.chainLength)}`);
        context = { dir: join(chain, 'vault'), files: join(chain, 'files'), rng, run, backups: [templateBackup] };
        copyVault(template, context.dir);
        mkdirSync(context.files);
        ledger = templateLedger;
      }
      context = { ...context!, run };
      const operation = rng.pick(operations);
      byOperation.add(operation);
      const prepared = await prepare(operation, context);
      const calibration = calibrations.get(operation) ?? (await calibrate(operation, work.root, template, templateBackup, rng));
      calibrations.set(operation, calibration);
      const byStep = rng.next() < 0.5;
      const killAt = byStep ? rng.int(1, Math.ceil(calibration.steps * 1.1)) : 0;
      // Most drawn delays fall in the command's work; a tenth of them in its start-up.
      const startup = calibration.firstStepMs;
      const delay = byStep ? 0 : Math.round(rng.next() < 0.1 ? rng.next() * startup : startup + rng.next() * (calibration.ms - startup) * 1.1);
      modes.add(byStep ? 'at a counted step' : 'after a drawn delay');
      const started = startCli(prepared.args, killAt);
      const timer = byStep ? null : setTimeout(() => started.kill(), delay);
      const result = await started.done;
      if (timer) clearTimeout(timer);
      const touched = result.trace.includes('s') || result.trace.includes('w');
      const landing: Landing = finished(result) ? 'after the command had finished' : touched ? 'mid-operation' : 'before it touched the store or a file';
      landings.add(landing);
      let outcome = await check(prepared, result, context.dir, ledger);
      if (landing === 'mid-operation') results.add(outcome.present ? 'mid-operation, command wholly there' : 'mid-operation, command wholly absent');
      if (operation === 'register' && outcome.problems.length === 0) outcome = await reRegister(prepared, context.dir, outcome, retries);
      if (operation === 'backup' && outcome.present) context.backups.push({ file: prepared.backupFile!, ledger: outcome.ledger });
      ledger = outcome.ledger;
      const how = byStep ? `step ${killAt} of ~${calibration.steps}` : `${delay} ms of ~${Math.round(calibration.ms)}`;
      tally.record(outcome.problems.length ? outcome.problems.join('; ') : null, `run ${run} (${operation}, killed at ${how}, ${landing})`);
    }

    figure('runs', settings.runs);
    byOperation.print('command: ');
    modes.print('kill ');
    landings.print('landed ');
    results.print('');
    retries.print('');
    figure('clean (verify 0, earlier records kept, all or nothing)', `${tally.passed} of ${settings.runs}`);
  } finally {
    work.cleanup();
  }
  tally.close();
  return tally;
}
