import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { buildElectronBundles } from '../../scripts/electron-bundle.mjs';

/**
 * A runnable Persist app folder for Playwright's _electron, built in a temp
 * directory so it never disturbs the repo: the production bundles (as
 * `npm run dist` builds them), a package.json, and node_modules that link to
 * the repo's except better-sqlite3, which is a private copy built for
 * Electron's ABI. The repo's own copy stays built for Node, so the unit tests
 * and the browser harness running alongside keep working.
 */
const repo = path.resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

function electronVersion(): string {
  return (
    JSON.parse(fs.readFileSync(path.join(repo, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
}

async function electronBuildOfSqlite(appDir: string): Promise<void> {
  const version = electronVersion();
  const release = path.join(appDir, 'node_modules', 'better-sqlite3', 'build', 'Release');
  const cache = path.join(
    repo,
    'node_modules',
    '.cache',
    'persist-native',
    `electron-${version}-${process.platform}-${process.arch}`,
  );
  const cached = path.join(cache, 'better_sqlite3.node');
  if (!fs.existsSync(cached)) {
    // Electron Forge depends on @electron/rebuild; it fetches Electron's headers once.
    const { rebuild } = require('@electron/rebuild') as {
      rebuild: (options: Record<string, unknown>) => Promise<void>;
    };
    await rebuild({ buildPath: appDir, electronVersion: version, onlyModules: ['better-sqlite3'], force: true });
    fs.mkdirSync(cache, { recursive: true });
    fs.copyFileSync(path.join(release, 'better_sqlite3.node'), cached);
  }
  fs.mkdirSync(release, { recursive: true });
  fs.copyFileSync(cached, path.join(release, 'better_sqlite3.node'));
}

export async function prepareElectronApp(): Promise<{ appDir: string; cleanup: () => void }> {
  const appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'persist-electron-app-'));
  const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as Record<string, unknown> & {
    dependencies: Record<string, string>;
  };
  fs.writeFileSync(
    path.join(appDir, 'package.json'),
    JSON.stringify({
      name: pkg.name,
      productName: pkg.productName,
      version: pkg.version,
      type: 'module',
      main: '.vite/build/main.js',
      dependencies: { 'better-sqlite3': pkg.dependencies['better-sqlite3'] },
    }),
  );

  const modules = path.join(appDir, 'node_modules');
  fs.mkdirSync(modules);
  for (const name of fs.readdirSync(path.join(repo, 'node_modules'))) {
    if (name === 'better-sqlite3' || name.startsWith('.')) continue;
    fs.symlinkSync(path.join(repo, 'node_modules', name), path.join(modules, name), 'junction');
  }
  fs.cpSync(path.join(repo, 'node_modules', 'better-sqlite3'), path.join(modules, 'better-sqlite3'), {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}build${path.sep}`),
  });
  await electronBuildOfSqlite(appDir);

  await buildElectronBundles({ root: repo, outDir: path.join(appDir, '.vite'), log: () => undefined });
  return { appDir, cleanup: () => fs.rmSync(appDir, { recursive: true, force: true }) };
}
