import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// No node:path here: ESLint holds everything under renderer/ to the browser
// layer's import rules, so paths are plain strings relative to this folder.
const here = import.meta.dirname;

/**
 * The renderer is built once into dist/renderer and served from there by every
 * host (Electron's custom protocol, the Playwright harness, the preview), so
 * asset URLs are relative (`base: './'`) and nothing depends on an origin.
 */
export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    // Relative to root: <repo>/dist/renderer.
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // Electron 45 and the test Chromium are both recent: no legacy transforms.
    target: 'chrome130',
    // The polyfill would be inline code, which the CSP (script-src 'self') forbids.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
    // Two pages: the app, and the print view every PDF is made from (renderer/print).
    rollupOptions: { input: { index: `${here}/index.html`, print: `${here}/print.html` } },
  },
  // The renderer imports pure code from ../shared; the dev server must be allowed to read it.
  server: { fs: { allow: [`${here}/..`] } },
});
