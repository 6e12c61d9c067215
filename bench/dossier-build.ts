// A child of dossier.bench.ts: one process per size and format, doing what `dossier build --out FILE.pdf|.docx` does
// in a fresh process — the vault unlocked, the records gathered and the images scaled one at a time (dossier-facts),
// the Doc built (buildDossier), the writer run, the file written — and printing its figures as JSON. Only the writer
// for the format asked is run. No warm-up: like the CLI, each build pays for its first use of the code.
import { writeFileSync } from 'node:fs';
import { renderDocx } from '../electron/documents/docx-writer.ts';
import { layoutPdf } from '../electron/documents/pdf-writer.ts';
import { DossierService } from '../electron/services/dossier/dossier-service.ts';
import { evidenceThumbnail } from '../electron/services/dossier/evidence-thumbnail.ts';
import { fingerprintOf } from '../electron/services/letters/letter-registration.ts';
import { unlockVault } from '../electron/store/vault.ts';
import { BENCH_PASSPHRASE } from './dossier-vault.ts';

export interface DossierBuildFigures {
  /** Unlocking the FAST_KDF vault. */
  unlockMs: number;
  /** Records gathered, images checked and scaled, the Doc built: DossierService.build. */
  gatherMs: number;
  /** Of gatherMs: the photos decoded and scaled (the service's own thumbnail function, timed around each call). */
  thumbsMs: number;
  /** The writer and the file written. */
  writeMs: number;
  pages: number;
  /** Evidence pictures in the Doc (each image's thumbnail), to show none was skipped. */
  pictures: number;
  bytes: number;
  /** RSS when the build starts (code loaded, vault open), and the process's peak RSS. */
  beforeMiB: number;
  peakMiB: number;
}

const mib = (bytes: number) => bytes / 2 ** 20;

const [vaultDir, dossierId, format, out] = process.argv.slice(2);
if (!vaultDir || !dossierId || !out || (format !== 'pdf' && format !== 'docx')) throw new Error('usage: dossier-build.ts VAULT DOSSIER pdf|docx OUT');

const unlockStart = performance.now();
const vault = await unlockVault(vaultDir, BENCH_PASSPHRASE);
try {
  let thumbsMs = 0;
  const dossiers = new DossierService(() => vault.db, 'bench', {
    thumbnail: async (bytes, mediaType) => {
      const from = performance.now();
      const made = await evidenceThumbnail(bytes, mediaType);
      thumbsMs += performance.now() - from;
      return made;
    },
  });
  const start = performance.now();
  const beforeMiB = mib(process.memoryUsage().rss);
  const { doc } = await dossiers.build(dossierId, '2026-11-29');
  const built = performance.now();
  let pages = 0;
  let bytes: Buffer;
  if (format === 'pdf') ({ bytes, pages } = await layoutPdf(doc));
  else bytes = await renderDocx(doc, fingerprintOf(doc));
  writeFileSync(out, bytes);
  const figures: DossierBuildFigures = {
    unlockMs: start - unlockStart,
    gatherMs: built - start,
    thumbsMs,
    writeMs: performance.now() - built,
    pages,
    pictures: doc.blocks.filter((block) => block.kind === 'figure').length,
    bytes: bytes.length,
    beforeMiB,
    peakMiB: mib(process.resourceUsage().maxRSS * 1024),
  };
  process.stdout.write(JSON.stringify(figures));
} finally {
  vault.close();
}
