import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { unlockVault } from '../electron/store/vault.ts';
import { docProperties } from './hostile-doc.ts';
import { interchangeProperties } from './hostile-json.ts';
import { ipcProperties, unlockedApp } from './hostile-ipc.ts';
import { sheetProperties } from './hostile-sheets.ts';
import { CANARY, hostileText, outcomes } from './hostile-values.ts';
import { figure, Tally } from './report.ts';
import type { Rng } from './rng.ts';
import { cli, crashOf, digestChanges, firstLine, folderDigest, PASSPHRASE, copyVault, workFolder, type Scenario } from './vaults.ts';

/**
 * Hostile input: property-based runs (fast-check) over the interchange import, spreadsheets, the Doc schema and
 * writers, and every IPC channel. Never a crash, always all or nothing, every message naming the place and never
 * quoting the input. The properties run in-process over a real encrypted vault; a sample goes through the CLI.
 */
interface Property {
  name: string;
  property: fc.IAsyncProperty<[unknown]>;
  runsScale?: number;
}

/** Runs each property; prints one line per property, or one line for the group when `group` names it. */
async function runProperties(properties: Property[], runs: number, rng: Rng, tally: Tally, group?: string): Promise<number> {
  let cases = 0;
  for (const { name, property, runsScale } of properties) {
    const numRuns = Math.max(2, Math.round(runs * (runsScale ?? 1)));
    const seed = rng.int(0, 2 ** 31 - 1);
    const details = await fc.check(property, { numRuns, seed, endOnFailure: false });
    cases += details.numRuns;
    if (details.failed) {
      const reason = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      tally.bulk(details.numRuns - 1, 0);
      tally.record(`${reason.split('\n')[0]} — fast-check seed ${seed}, path ${details.counterexamplePath}; counterexample ${JSON.stringify(details.counterexample)?.slice(0, 300)}`, name);
    } else {
      tally.bulk(details.numRuns, 0);
    }
    if (!group || details.failed) figure(name, `${details.numRuns} cases${details.failed ? ', FAILED' : ''}`);
  }
  if (group) figure(group, `${properties.length} × ${Math.round(cases / properties.length)} = ${cases} cases`);
  return cases;
}

/** A few generated files through the real CLI: exit 0 or 10, one line that quotes nothing, the vault unchanged when refused. */
function cliSample(vault: string, folder: string, count: number, rng: Rng, tally: Tally): void {
  const texts = fc.sample(hostileText, { numRuns: count * 3, seed: rng.int(0, 2 ** 31 - 1) });
  for (let i = 0; i < count; i += 1) {
    const [a, b, c] = [texts[3 * i]!, texts[3 * i + 1]!, texts[3 * i + 2]!];
    const json = i % 2 === 0;
    const file = join(folder, `cli-${i}.${json ? 'json' : 'csv'}`);
    writeFileSync(file, json ? JSON.stringify({ format: 'ombuds-dossier/1', places: [], persons: [], counterparts: [], incidents: [{ id: a.slice(0, 120), title: b, startDate: c }], letters: [] }) : `ID,Title,Start date\n"${a.replaceAll('"', '""')}","${b.replaceAll('"', '""')}",${JSON.stringify(c)}\n`);
    const before = folderDigest(vault, (rel) => rel === 'unlock-attempts.json');
    const run = cli(['import', '--store', vault, ...(json ? [] : ['--mapping', join(folder, 'mapping.json')]), file]);
    const problems: string[] = [];
    const crash = crashOf(run);
    if (crash) problems.push(crash);
    else if (run.status !== 0 && run.status !== 10 && run.status !== 64) problems.push(`exit ${run.status}: ${firstLine(run.stderr)}`);
    if ((run.stderr.trim().split('\n').at(-1) ?? '').includes(CANARY)) problems.push('the error line quotes the file');
    if (run.status !== 0 && digestChanges(before, folderDigest(vault, (rel) => rel === 'unlock-attempts.json')).length) problems.push('refused, but the vault changed');
    tally.record(problems.length ? problems.join('; ') : null, `CLI import sample ${i + 1}`);
  }
  figure('CLI import: generated files through the real CLI', count);
}

export async function hostileSuite(runs: number, scenario: Scenario, rng: Rng): Promise<Tally> {
  const tally = new Tally('hostile input');
  const work = workFolder('hostile');
  try {
    const vaultDir = copyVault(scenario.dir, join(work.root, 'vault'));
    const files = join(work.root, 'files');
    mkdirSync(files);
    writeFileSync(join(files, 'mapping.json'), JSON.stringify({ id: 0, title: 1, startDate: 2 }));
    cliSample(vaultDir, files, Math.max(2, Math.round(runs / 8)), rng.fork(), tally);

    const vault = await unlockVault(vaultDir, PASSPHRASE);
    let cases = 0;
    try {
      cases += await runProperties([...interchangeProperties(vault.db, files), ...sheetProperties(vault.db, files)], runs, rng, tally);
    } finally {
      vault.close();
    }
    cases += await runProperties(docProperties(), runs, rng, tally);
    const appRef = { app: await unlockedApp(vaultDir) };
    try {
      cases += await runProperties(ipcProperties(vaultDir, appRef), runs, rng, tally, 'IPC: every channel of the contract');
    } finally {
      appRef.app.dispose();
    }
    for (const [key, n] of [...outcomes].sort(([a], [b]) => a.localeCompare(b))) figure(key, n);
    figure('generated cases', cases);
    figure('no crash, all or nothing, places named, nothing quoted', `${tally.passed} of ${tally.passed + tally.failed}`);
  } finally {
    work.cleanup();
  }
  tally.close();
  return tally;
}
