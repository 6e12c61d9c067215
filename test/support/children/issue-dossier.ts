// Child process: issues (or builds) a dossier through the real service and, by `mode`, kills itself (SIGKILL, as
// kill -9) at a named issue step, or cancels at a named progress step — deterministic points, no timing. Its TMPDIR
// is the test's private folder, so the test can see that nothing was left in temp. Prints the outcome as JSON.
import { DossierService, type IssueStep } from '../../../electron/services/dossier/dossier-service.ts';
import { toAppError } from '../../../electron/errors/app-error.ts';
import { unlockVault } from '../../../electron/store/vault.ts';

const [dataDir, passphrase, dossierId, date, mode] = process.argv.slice(2) as [string, string, string, string, string];
const [action, point] = mode.split(':') as ['issue' | 'build', string];
const kill = () => process.kill(process.pid, 'SIGKILL');
const vault = await unlockVault(dataDir, passphrase);
const controller = new AbortController();
const dossiers = new DossierService(() => vault.db, 'clerk', {
  // kill(2) on itself with SIGKILL: the process ends before the call returns, exactly at this step.
  onIssueStep: (step: IssueStep) => void (`kill-at-${step}` === point && kill()),
});
const control = {
  signal: controller.signal,
  onProgress: (done: number) => {
    if (point === `kill-at-progress-${done}`) kill();
    if (point === `cancel-at-${done}`) controller.abort();
  },
};
try {
  const outcome = action === 'issue' ? { edition: (await dossiers.issue(dossierId, date, control)).edition } : { built: (await dossiers.build(dossierId, date, control)).doc.blocks.length };
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ error: toAppError(error).code })}\n`);
} finally {
  vault.close();
}
