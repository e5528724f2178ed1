import path from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { createHandlers, openProfile, resolveProfileDir, type CoreContext } from '../core/index';
import { PersistError } from '../../shared/ipc/errors';
import { applyDevCsp } from './csp';
import { guardWebContents } from './guards';
import { registerIpcHandlers } from './ipc';
import { installMenu } from './menu';
import { electronPdfExport } from './pdf-export';
import { SyncService } from '../core/sync/service';
import { sendEvent } from './events';
import { chooseSyncFolder } from './sync-folder';
import { appLocations } from './paths';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { createMainWindow, openExternalSafely } from './window';

/**
 * The Electron process: one instance per profile, one window, the notebook
 * engine from electron/core behind the IPC contract. Everything here runs
 * before or around `ready`; the work itself happens in the core.
 */

// Both must happen before `ready`: the scheme's privileges are fixed at
// startup, and enableSandbox covers every renderer, including any that a
// future feature creates without thinking about webPreferences.
registerAppScheme();
app.enableSandbox();

const locations = appLocations(import.meta.dirname);
const isDev = !app.isPackaged;

const defaultProfile = app.getPath('userData');
const profileDir =
  resolveProfileDir({ argv: process.argv, env: process.env, defaultDir: defaultProfile }) ?? defaultProfile;
// With --profile / PERSIST_PROFILE, Chromium's own data (and with it the
// single-instance lock) moves into that profile: two profiles can be open at
// once, tests never touch the user's real data, and a second window on the
// same profile still cannot race the first for the database.
if (path.resolve(profileDir) !== path.resolve(defaultProfile)) {
  app.setPath('userData', path.join(profileDir, 'electron'));
}

let mainWindow: BrowserWindow | null = null;
let core: CoreContext | null = null;
let pdfExport: ReturnType<typeof electronPdfExport> | null = null;
let sync: SyncService | null = null;

function showWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow(locations);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function openCore(): CoreContext | null {
  try {
    return openProfile(profileDir, { appVersion: app.getVersion() });
  } catch (error) {
    // A database from a newer Persist, or an unreadable file: say so and stop,
    // never touch it.
    const message = error instanceof PersistError ? error.message : `Persist could not open its data in ${profileDir}.`;
    if (!(error instanceof PersistError)) console.error(error);
    dialog.showErrorBox('Persist cannot start', message);
    return null;
  }
}

async function start(): Promise<void> {
  await app.whenReady();

  core = openCore();
  if (!core) {
    app.exit(1);
    return;
  }
  const printUrl = new URL('print.html', locations.startUrl).href;
  pdfExport = electronPdfExport({ printUrl, appOrigin: locations.appOrigin, window: () => mainWindow });
  // Sync runs in the core, yielding between entries so saves never wait; main passes progress on.
  sync = new SyncService(core, {
    progress: (event) => void sendEvent(mainWindow?.webContents, 'sync.progress', event),
    chooseFolder: () => chooseSyncFolder(mainWindow),
    pdfRenderer: pdfExport.services.renderer,
  });
  registerIpcHandlers(createHandlers(core, { pdf: pdfExport.services, sync }), locations.appOrigin);
  sync.start();

  if (locations.devServerUrl) applyDevCsp(session.defaultSession, locations.devServerUrl);
  else serveAppProtocol(locations.rendererRoot);

  installMenu({ platform: process.platform, isDev, appName: app.getName() });
  showWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another Persist already has this profile open; it gets focus (below) and we leave.
  app.quit();
} else {
  app.on('second-instance', () => showWindow());

  // Every web contents, not just the main window's, gets the same guards.
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { appOrigin: locations.appOrigin, openExternal: openExternalSafely });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && core && BrowserWindow.getAllWindows().length === 0) showWindow();
  });

  // Close the database last, after windows are gone and pending saves landed.
  app.on('will-quit', () => {
    void pdfExport?.close();
    // A run under way stops between two entries; one cut off anywhere resumes at the next start.
    void sync?.stop();
    core?.close();
    core = null;
  });

  start().catch((error: unknown) => {
    console.error(error);
    dialog.showErrorBox('Persist cannot start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
