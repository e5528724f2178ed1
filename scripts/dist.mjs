// `npm run dist [-- electron-builder args]`: installers for Persist.
//   1. builds main, preload and renderer into .vite/ as Electron Forge would;
//   2. runs electron-builder with build/electron-builder.yml.
//
// electron-builder needs an Electron binary to put in the package. It uses,
// in order: -c.electronDist=DIR if given; the local node_modules/electron
// binary for builds for this platform; a download only with --allow-download.
// Without any of them this stops early with one line saying what is missing.
//
// Own flags: --bundle-only (step 1 only), --allow-download. Everything else
// goes to electron-builder (e.g. --linux AppImage, --win, --dir).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildElectronBundles } from './electron-bundle.mjs';
import { findElectronBinary } from './electron-binary.mjs';
import { prepareForElectron, restoreForNode } from './native-abi.mjs';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const bundleOnly = args.includes('--bundle-only');
const allowDownload = args.includes('--allow-download');
const builderArgs = args.filter((a) => a !== '--bundle-only' && a !== '--allow-download');

function fail(line) {
  console.error(`Persist: ${line}`);
  process.exit(1);
}

/** The value of -c.electronDist / --config.electronDist, in either "=value" or "value" form. */
function explicitElectronDist(list) {
  for (let i = 0; i < list.length; i += 1) {
    const m = /^(?:-c|--config)\.electronDist(?:=(.*))?$/.exec(list[i]);
    if (m) return m[1] ?? list[i + 1] ?? '';
  }
  return null;
}

/** The platforms named by electron-builder's --mac/--win/--linux flags (or -mwl), else this one. */
function targetPlatforms(list) {
  const named = new Set();
  const long = { '--mac': 'darwin', '--macos': 'darwin', '--win': 'win32', '--windows': 'win32', '--linux': 'linux' };
  const short = { m: 'darwin', w: 'win32', l: 'linux' };
  for (const a of list) {
    if (long[a]) named.add(long[a]);
    else if (/^-[mwl]+$/.test(a)) for (const c of a.slice(1)) named.add(short[c]);
  }
  return named.size ? [...named] : [process.platform];
}

function electronDistArgs() {
  const explicit = explicitElectronDist(builderArgs);
  if (explicit !== null) {
    if (!explicit || !fs.existsSync(explicit))
      fail(`the Electron dist given with -c.electronDist (${explicit || 'empty'}) does not exist.`);
    return [];
  }
  if (allowDownload) return [];
  const platforms = targetPlatforms(builderArgs);
  const found = findElectronBinary({ root });
  if (found.executable && platforms.every((p) => p === process.platform)) return [`-c.electronDist=${found.distDir}`];
  fail(
    'packaging needs an Electron 45.5.0 binary and none is on this machine: run `npx install-electron` where downloads work, pass -c.electronDist=DIR (an unpacked Electron for the target), or add --allow-download.',
  );
  return [];
}

function runElectronBuilder(extra) {
  const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, '--config', 'build/electron-builder.yml', ...builderArgs, ...extra], {
      cwd: root,
      stdio: 'inherit',
    });
    child.on('error', () => resolve(1));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const distArgs = bundleOnly ? [] : electronDistArgs();
try {
  await buildElectronBundles({ root });
} catch (error) {
  fail(`bundling failed: ${error instanceof Error ? error.message : String(error)}`);
}
if (bundleOnly) {
  console.log('Persist: bundles are in .vite/ (--bundle-only: no installer built).');
  process.exit(0);
}

// electron-builder rebuilds better-sqlite3 for Electron in node_modules; put
// the Node build back afterwards so tests and the CLI keep working.
prepareForElectron(root);
const code = await runElectronBuilder(distArgs);
restoreForNode(root);
process.exit(code);
