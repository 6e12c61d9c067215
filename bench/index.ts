// `npm run bench`: every figure printed beside a baseline measured in this same run, with the ratio.
// Figures are for reading, never asserted.
import { benchStoreOverhead, benchUnlock } from './vault.bench.ts';

console.log(`Ombuds Dossier benchmarks — Node ${process.version}, ${new Date().toISOString()}\n`);
await benchUnlock();
benchStoreOverhead();
