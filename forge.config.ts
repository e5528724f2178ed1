import type { ForgeConfig } from '@electron-forge/shared-types';
import { VitePlugin } from '@electron-forge/plugin-vite';

/**
 * Electron Forge drives development (`npm start`): Vite builds the main and
 * preload bundles into .vite/build and serves the renderer with hot reload.
 * Installers are made by electron-builder (build/electron-builder.yml, via
 * `npm run dist`), so no makers are configured here.
 */
const config: ForgeConfig = {
  packagerConfig: {
    asar: true,
  },
  rebuildConfig: {
    // The only native module; Forge rebuilds it for Electron's ABI on start.
    onlyModules: ['better-sqlite3'],
  },
  makers: [],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'electron/main/main.ts', config: 'electron/main/vite.main.config.ts', target: 'main' },
        { entry: 'electron/preload/preload.ts', config: 'electron/preload/vite.preload.config.ts', target: 'preload' },
      ],
      // The name fixes the constants MAIN_WINDOW_VITE_DEV_SERVER_URL / _NAME
      // and the output folder .vite/renderer/main_window.
      renderer: [{ name: 'main_window', config: 'renderer/vite.config.ts' }],
    }),
  ],
};

export default config;
