// `npm start [-- app args]`: runs Persist in Electron through Electron Forge
// (Vite dev server for the renderer, bundles for main and preload).
//
// Without an Electron binary (offline installs: electron@45 downloads it
// lazily on first require, which cannot work here) it says so in one line and
// exits 1, instead of a download attempt and a stack trace.
//
// Unless the arguments or PERSIST_PROFILE name a profile, development uses
// ./.profile-dev (git-ignored), never the real profile of an installed Persist.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findElectronBinary, NO_ELECTRON_MESSAGE } from './electron-binary.mjs';
import { prepareForElectron, restoreForNode } from './native-abi.mjs';

const root = path.resolve(import.meta.dirname, '..');
const found = findElectronBinary({ root });
if (!found.executable) {
  console.error(NO_ELECTRON_MESSAGE);
  process.exit(1);
}

const appArgs = process.argv.slice(2);
const namesProfile =
  appArgs.some((a) => a === '--profile' || a.startsWith('--profile=')) || !!process.env.PERSIST_PROFILE;
if (!namesProfile) appArgs.push('--profile', path.join(root, '.profile-dev'));

const forgeCli = createRequire(import.meta.url).resolve('@electron-forge/cli/dist/electron-forge.js');
prepareForElectron(root);
const child = spawn(process.execPath, [forgeCli, 'start', '--', ...appArgs], { cwd: root, stdio: 'inherit' });

// Ctrl+C reaches Forge and Electron directly (same process group); this
// process waits for them so it can put the Node build of better-sqlite3 back.
process.on('SIGINT', () => undefined);
child.on('error', (error) => {
  restoreForNode(root);
  console.error(`Persist: could not start Electron Forge: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  restoreForNode(root);
  process.exit(code ?? (signal ? 1 : 0));
});
