import path from 'node:path';
import { defineConfig } from 'vite';

/**
 * The main-process bundle, merged by Forge's Vite plugin over its own base
 * config (output .vite/build, Node builtins and electron external).
 *
 * ES module output, because package.json says "type": "module": a CommonJS
 * main.js would be read as ESM and fail. Electron runs ESM mains since 28.
 * better-sqlite3 stays external: it is a native module, loaded from
 * node_modules (asar-unpacked in a package) and rebuilt for Electron's ABI.
 */
export default defineConfig({
  build: {
    lib: {
      entry: path.join(import.meta.dirname, 'main.ts'),
      formats: ['es'],
      fileName: () => 'main.js',
    },
    rollupOptions: {
      external: ['better-sqlite3'],
    },
    sourcemap: true,
  },
});
