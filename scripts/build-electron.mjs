// Bundles Electron main, the preload and the import parsing worker into dist/electron as CommonJS (package.json "main" points at
// dist/electron/main.cjs). Run with the pinned Node 24: `node_modules/.bin/node scripts/build-electron.mjs`.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Left as runtime `require`s in main: `electron` is provided by the runtime; the native modules load .node
 * binaries (unpacked from the asar, see electron-builder.yml); pdfkit, fontkit and the font package read data
 * files next to their own sources, which a bundle would break; resvg (charts to PNG) and sharp (evidence thumbnails)
 * load their prebuilt binaries from per-platform npm packages.
 */
export const MAIN_EXTERNALS = ['electron', 'better-sqlite3-multiple-ciphers', '@node-rs/argon2', 'pdfkit', 'fontkit', '@expo-google-fonts/pt-serif', '@resvg/resvg-js', 'sharp'];

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node22', absWorkingDir: root, logLevel: 'warning', legalComments: 'none' };

/** Builds the three bundles into `outdir` (dist/electron by default; tests pass a temp folder). */
export async function buildElectron(outdir = `${root}/dist/electron`) {
  await build({
    ...common,
    entryPoints: ['electron/main/index.ts'],
    outfile: `${outdir}/main.cjs`,
    external: MAIN_EXTERNALS,
    // vega's Node entry awaits an optional `canvas` package at its top level, which CommonJS cannot hold; its
    // browser entry finds no DOM in main and gives no canvas either — so charts are measured the same way (vega's
    // text-width estimate, charts.ts) in the app and in the tests.
    alias: { 'vega-canvas': './node_modules/vega-canvas/build/vega-canvas.browser.js' },
    // The sources are ESM and use import.meta.url (e.g. to find the fonts package); CommonJS has no
    // import.meta, so it is defined as the bundle's own file URL.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  // The preload must be ONE file: a sandboxed preload can require nothing but 'electron' (and a few Node
  // builtins it is handed). Everything it imports is inlined; the test checks the result requires only 'electron'.
  await build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: `${outdir}/preload.cjs`, external: ['electron'] });
  // The import parsing worker, started by main as a utility process (electron/main/utility-parse-host.ts): one
  // self-contained file needing only Node's builtins (no native module, no 'electron'), so it runs under the
  // utility process's Node and nothing it parses can reach the store.
  await build({
    ...common,
    entryPoints: ['electron/services/isolation/parse-worker.ts'],
    outfile: `${outdir}/parse-worker.cjs`,
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildElectron();
