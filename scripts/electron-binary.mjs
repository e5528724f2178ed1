// Finds the Electron executable the way `require('electron')` would, but
// without its side effect: electron@45 downloads the binary on first require,
// which fails (slowly, with a stack trace) on machines without network. Shared
// by `npm start`, `npm run dist` and the Electron Playwright test so all three
// agree on whether Electron is here.
import fs from 'node:fs';
import path from 'node:path';

const REPO_ROOT = path.resolve(import.meta.dirname, '..');

export const NO_ELECTRON_MESSAGE =
  'Persist: no Electron binary on this machine (offline install). Run `npm run preview` to use the app in Chromium.';

/** The executable inside an unpacked Electron folder, per platform (as Electron's install.js names it). */
function defaultExecutable(platform) {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/**
 * @returns {{ executable: string, distDir: string } | { executable: null, reason: string }}
 */
export function findElectronBinary({ root = REPO_ROOT, env = process.env, platform = process.platform } = {}) {
  const packageDir = path.join(root, 'node_modules', 'electron');
  if (!fs.existsSync(path.join(packageDir, 'package.json'))) {
    return { executable: null, reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';

  // ELECTRON_OVERRIDE_DIST_PATH is Electron's own switch for a binary kept elsewhere.
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const distDir = override ? path.resolve(override) : path.join(packageDir, 'dist');
  if (!override && !relative) {
    return {
      executable: null,
      reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)',
    };
  }
  const executable = path.join(distDir, relative || defaultExecutable(platform));
  if (!fs.existsSync(executable)) return { executable: null, reason: `${executable} does not exist` };
  return { executable, distDir };
}
