import { BrowserWindow, shell, type BrowserWindowConstructorOptions } from 'electron';
import { denyAllPermissions, guardWebContents } from './guards';
import { isSafeExternalUrl } from './origin';
import { LOCKED_DOWN } from './web-preferences';

export interface MainWindowOptions {
  /** Absolute path of the bundled preload script. */
  preloadPath: string;
  /** What to load: persist-app://app/index.html, or the dev server's URL. */
  startUrl: string;
  /** The origin the window's pages must keep (for navigation guards). */
  appOrigin: string;
}

/**
 * The window's options, every security switch spelled out even where it is
 * Electron's default, so a future default change or a careless edit shows up
 * in review and in the unit test.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'Persist',
    show: false,
    backgroundColor: '#f7f7f5',
    webPreferences: {
      preload: preloadPath,
      ...LOCKED_DOWN,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  };
}

/** Only vetted web and mail links ever reach the operating system. */
export function openExternalSafely(url: string): Promise<void> {
  if (!isSafeExternalUrl(url)) return Promise.resolve();
  return shell.openExternal(url);
}

/** Creates the main window, locks it down, and loads the app into it. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(options.preloadPath));
  const contents = window.webContents;
  guardWebContents(contents, { appOrigin: options.appOrigin, openExternal: openExternalSafely });
  denyAllPermissions(contents.session);
  // Show once painted, so the user never sees a blank white frame.
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.startUrl).catch((error: unknown) => {
    console.error(`Persist could not load ${options.startUrl}:`, error);
  });
  return window;
}
