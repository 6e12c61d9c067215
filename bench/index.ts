// `npm run bench`: every figure printed beside a baseline measured in this same run that does the same work, with
// the ratio and the machine's load average. Figures are for reading, never asserted.
import { benchDossier } from './dossier.bench.ts';
import { benchLetters } from './letters.bench.ts';
import { benchRecords } from './records.bench.ts';
import { printLoad } from './report.ts';
import { benchStoreOverhead, benchUnlock } from './vault.bench.ts';

console.log(`Ombuds Dossier benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
console.log('each line: figure, value, baseline (same work, same run), value, ratio figure ÷ baseline, 1-minute load average');
printLoad('at the start');
// `npm run bench -- records` runs one group; no argument runs all.
const only = process.argv[2];
if (!only || only === 'vault') {
  await benchUnlock();
  benchStoreOverhead();
}
if (!only || only === 'records') await benchRecords();
if (!only || only === 'letters') await benchLetters();
if (!only || only === 'dossier') await benchDossier();
console.log('');
printLoad('at the end');
