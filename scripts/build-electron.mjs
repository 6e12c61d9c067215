// Bundles Electron main and the preload into dist/electron (CommonJS). The preload must be one file:
// a sandboxed preload can require nothing but 'electron'. Native and file-reading modules stay external.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function buildElectron(outdir = `${root}/dist/electron`) {
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', absWorkingDir: root, logLevel: 'warning', legalComments: 'none' };
  await build({
    ...common,
    entryPoints: ['electron/main/index.ts'],
    outfile: `${outdir}/main.cjs`,
    external: ['electron', 'better-sqlite3-multiple-ciphers', '@node-rs/argon2', 'pdfkit', 'fontkit', '@expo-google-fonts/pt-serif'],
    // import.meta.url is used to find the fonts package from source; in the bundle it points at the bundle.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  await build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: `${outdir}/preload.cjs`, external: ['electron'] });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildElectron();
