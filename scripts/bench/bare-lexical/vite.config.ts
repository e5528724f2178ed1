import { defineConfig } from 'vite';

const here = import.meta.dirname;

/**
 * The bare Lexical page the editor benchmark compares Persist against. Built
 * like the renderer (relative asset URLs, same target), into a folder of its
 * own: the benchmark passes a temporary outDir; a manual
 * `npx vite build --config scripts/bench/bare-lexical/vite.config.ts` lands in
 * dist/bench-bare-lexical.
 */
export default defineConfig({
  root: here,
  base: './',
  build: {
    outDir: '../../../dist/bench-bare-lexical',
    emptyOutDir: true,
    target: 'chrome130',
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
  },
  // The page imports the renderer's theme and content styles.
  server: { fs: { allow: [`${here}/../../..`] } },
});
