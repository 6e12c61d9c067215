import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer bundle: relative paths (served from app://), no inline scripts or styles (strict CSP), no source maps. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // One local bundle for a desktop app; the passphrase-strength dictionaries make it large, and that is fine offline.
    chunkSizeWarningLimit: 1500,
  },
});
