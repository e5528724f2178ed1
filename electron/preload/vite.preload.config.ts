import { defineConfig } from 'vite';

/**
 * The preload bundle, merged by Forge's Vite plugin over its own base config
 * (a single CommonJS file in .vite/build, electron external).
 *
 * A sandboxed preload is a classic script that may require only 'electron'
 * and a few built-ins, so everything it uses (the contract's name lists) is
 * bundled in. The .cjs extension says "CommonJS" plainly in a package whose
 * package.json declares "type": "module".
 */
export default defineConfig({
  build: {
    rollupOptions: {
      output: {
        entryFileNames: '[name].cjs',
      },
    },
  },
});
