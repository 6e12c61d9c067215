// Child process: registers a drafted letter through the real services and kills itself (SIGKILL, as kill -9) when
// registration reaches the named step, so a test can stop it at each step deterministically, without timing.
import { readFileSync } from 'node:fs';
import { CorrespondenceService } from '../../../electron/services/correspondence-service.ts';
import { LetterFiles } from '../../../electron/services/letter-files.ts';
import { LetterService } from '../../../electron/services/letters/letter-service.ts';
import { unlockVault } from '../../../electron/store/vault.ts';

const [dataDir, passphrase, draftPath, date, killAt] = process.argv.slice(2) as [string, string, string, string, string];
const vault = await unlockVault(dataDir, passphrase);
const store = () => vault.db;
const registry = new CorrespondenceService(store, 'clerk');
const letters = new LetterService(store, registry, new LetterFiles(store, () => 2 ** 31, 'clerk'), 'clerk', {
  // kill(2) on itself with SIGKILL: the process ends before the call returns, exactly at this step.
  onStep: (step) => void (step === killAt && process.kill(process.pid, 'SIGKILL')),
});
const result = await letters.register(JSON.parse(readFileSync(draftPath, 'utf8')), date);
vault.close();
process.stdout.write(`${result.letter.number}\n`);
