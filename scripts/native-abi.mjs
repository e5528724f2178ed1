// better-sqlite3 is one native module that two runtimes want in different
// builds: Node (tests, the CLI) and Electron (the app). Electron Forge and
// electron-builder rebuild it for Electron in place, in node_modules, which
// would leave `npm test` failing with "compiled against a different Node.js
// version". These helpers keep a copy of each build and swap them around an
// Electron run, so neither side pays a rebuild it already paid once.
import fs from 'node:fs';
import path from 'node:path';

const REPO_ROOT = path.resolve(import.meta.dirname, '..');
const BINARY = 'better_sqlite3.node';
// @electron/rebuild marks a module it built with this file (arch and ABI inside).
const META = '.forge-meta';

function dirs(root) {
  return {
    release: path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release'),
    nodeCache: path.join(root, 'node_modules', '.cache', 'persist-native', 'node'),
    electronCache: path.join(root, 'node_modules', '.cache', 'persist-native', 'electron'),
  };
}

function copyIfExists(from, to) {
  if (!fs.existsSync(from)) return false;
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
  return true;
}

/** Before Electron runs: remember the Node build, put back a previous Electron build if there is one. */
export function prepareForElectron(root = REPO_ROOT) {
  const { release, nodeCache, electronCache } = dirs(root);
  if (!fs.existsSync(path.join(release, BINARY))) return;
  if (!fs.existsSync(path.join(release, META))) copyIfExists(path.join(release, BINARY), path.join(nodeCache, BINARY));
  if (fs.existsSync(path.join(electronCache, META))) {
    copyIfExists(path.join(electronCache, BINARY), path.join(release, BINARY));
    copyIfExists(path.join(electronCache, META), path.join(release, META));
  }
}

/** After Electron exits: keep the Electron build for next time and restore the Node build. */
export function restoreForNode(root = REPO_ROOT) {
  const { release, nodeCache, electronCache } = dirs(root);
  if (fs.existsSync(path.join(release, META))) {
    copyIfExists(path.join(release, BINARY), path.join(electronCache, BINARY));
    copyIfExists(path.join(release, META), path.join(electronCache, META));
  }
  if (copyIfExists(path.join(nodeCache, BINARY), path.join(release, BINARY))) {
    fs.rmSync(path.join(release, META), { force: true });
  }
}
