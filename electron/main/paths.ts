import path from 'node:path';
import { APP_ORIGIN } from './origin';

/**
 * Where the app's pieces are at run time. The bundles sit next to each other
 * as Forge's Vite plugin lays them out, in development and in a package alike:
 *   .vite/build/main.js, .vite/build/preload.cjs, .vite/renderer/main_window/
 */
export interface AppLocations {
  preloadPath: string;
  rendererRoot: string;
  /** Set when running under `electron-forge start`: pages come from Vite's dev server. */
  devServerUrl: string | undefined;
  /** The origin the pages (and so every trusted IPC sender) have. */
  appOrigin: string;
  startUrl: string;
}

export function appLocations(buildDir: string): AppLocations {
  // typeof keeps this safe whether or not Vite substituted the constants.
  const devServerUrl =
    typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' && MAIN_WINDOW_VITE_DEV_SERVER_URL
      ? MAIN_WINDOW_VITE_DEV_SERVER_URL
      : undefined;
  const rendererName = typeof MAIN_WINDOW_VITE_NAME === 'string' ? MAIN_WINDOW_VITE_NAME : 'main_window';
  const rendererRoot = path.join(buildDir, '..', 'renderer', rendererName);
  return {
    preloadPath: path.join(buildDir, 'preload.cjs'),
    rendererRoot,
    devServerUrl,
    appOrigin: devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN,
    startUrl: devServerUrl ?? `${APP_ORIGIN}/index.html`,
  };
}
