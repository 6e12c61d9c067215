// `npm run bench`: every figure printed beside a baseline measured in this same run, with the ratio.
// Figures are for reading, never asserted.
import { benchLetters } from './letters.bench.ts';
import { benchRecords } from './records.bench.ts';
import { benchStoreOverhead, benchUnlock } from './vault.bench.ts';

console.log(`Ombuds Dossier benchmarks — Node ${process.version}, ${new Date().toISOString()}\n`);
// `npm run bench -- records` runs one group; no argument runs all.
const only = process.argv[2];
if (!only || only === 'vault') {
  await benchUnlock();
  benchStoreOverhead();
}
if (!only || only === 'records') await benchRecords();
if (!only || only === 'letters') await benchLetters();
