import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectronBundles, externalPackagesOf, MAIN_EXTERNALS } from '../../scripts/electron-bundle.mjs';

/**
 * The real main and preload bundles, built with forge.config.ts exactly as
 * `npm start` / `npm run dist` build them, then the main bundle run in plain
 * Node with only 'electron' replaced (test/electron/fixtures/fake-electron.mjs).
 * This is as close to launching the app as a machine without an Electron
 * binary gets: ESM loading in a "type": "module" package, the external
 * better-sqlite3, the lifecycle order, IPC, the protocol and quitting.
 */
const repo = path.resolve(import.meta.dirname, '..', '..');
const fixtures = path.join(repo, 'test', 'electron', 'fixtures');

interface Report {
  privilegedSchemes: Array<{ scheme: string; privileges: Record<string, boolean> }>;
  sandboxEnabled: boolean;
  userDataSetTo: string | null;
  singleInstanceLockRequested: boolean;
  ipcChannels: string[];
  protocolSchemes: string[];
  windows: Array<{ options: { webPreferences: Record<string, unknown> }; loaded: string[] }>;
  menuInstalled: boolean;
  permissionAnswer: boolean | null;
  errors: string[];
  quit: boolean;
  walLeftAfterQuit: boolean;
  calls: Record<string, { ok?: boolean; code?: string; data?: Record<string, unknown>; [k: string]: unknown }>;
}

describe('the main bundle', () => {
  let dir: string;
  let report: Report;
  let run: ReturnType<typeof spawnSync>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'persist-bundle-'));
    const outDir = path.join(dir, '.vite');
    await buildElectronBundles({ root: repo, outDir, renderer: false, log: () => undefined });
    // The package around the bundle: ESM, with the repo's node_modules (better-sqlite3).
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: 'module', main: '.vite/build/main.js' }));
    fs.symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
    const page = path.join(outDir, 'renderer', 'main_window');
    fs.mkdirSync(page, { recursive: true });
    fs.writeFileSync(path.join(page, 'index.html'), '<!doctype html><title>Persist</title>');

    const reportFile = path.join(dir, 'report.json');
    run = spawnSync(
      process.execPath,
      [
        '--import',
        pathToFileURL(path.join(fixtures, 'register-fake-electron.mjs')).href,
        path.join(outDir, 'build', 'main.js'),
        '--profile',
        path.join(dir, 'profile'),
      ],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, FAKE_ELECTRON_REPORT: reportFile, FAKE_ELECTRON_USER_DATA: path.join(dir, 'user-data') },
      },
    );
    report = fs.existsSync(reportFile) ? (JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report) : (null as never);
  }, 60_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('builds main.js (ESM) and preload.cjs (CommonJS, self-contained)', () => {
    const main = fs.readFileSync(path.join(dir, '.vite', 'build', 'main.js'), 'utf8');
    expect(main).toMatch(/^import .* from "electron";$/m);
    expect(main).toMatch(/from "better-sqlite3"/);
    // build/electron-builder.yml ships exactly these packages in node_modules
    // (buildElectronBundles throws when the bundle imports anything else).
    expect(MAIN_EXTERNALS).toEqual(['better-sqlite3']);
    const preload = fs.readFileSync(path.join(dir, '.vite', 'build', 'preload.cjs'), 'utf8');
    expect(preload).toContain('require("electron")');
    // The only require in a sandboxed preload may be electron's.
    expect(preload.match(/require\(["'][^"']+["']\)/g)).toEqual(['require("electron")']);
    // No ES import statement or dynamic import() (a channel name such as "templates.import" is fine).
    expect(preload).not.toMatch(/^\s*import[\s{*"']|\bimport\s*\(/m);
  });

  it('tells packages from built-ins, electron and local chunks', () => {
    const ids = [
      'node:fs',
      'fs',
      'path/posix',
      'electron',
      'better-sqlite3',
      'zod/v4',
      '@lexical/react/x',
      './chunk.js',
    ];
    expect(externalPackagesOf(ids)).toEqual(['@lexical/react', 'better-sqlite3', 'zod']);
  });

  it('runs to completion without errors', () => {
    expect(run.stderr).toBe('');
    expect(report?.errors).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('does its pre-ready work before ready: scheme, sandbox, profile-local user data, lock', () => {
    expect(report.privilegedSchemes).toEqual([
      { scheme: 'persist-app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(report.sandboxEnabled).toBe(true);
    expect(report.userDataSetTo).toBe(path.join(dir, 'profile', 'electron'));
    expect(report.singleInstanceLockRequested).toBe(true);
  });

  it('opens one locked-down window on the app scheme, with the menu and permissions denied', () => {
    expect(report.windows).toHaveLength(1);
    const prefs = report.windows[0]!.options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(prefs.preload).toBe(path.join(dir, '.vite', 'build', 'preload.cjs'));
    expect(report.windows[0]!.loaded).toEqual(['persist-app://app/index.html']);
    expect(report.menuInstalled).toBe(true);
    expect(report.permissionAnswer).toBe(false);
    expect(report.protocolSchemes).toEqual(['persist-app']);
  });

  it('serves the contract over IPC to the app origin only', () => {
    expect(report.calls.appInfo).toMatchObject({ ok: true, data: { profileDir: path.join(dir, 'profile') } });
    expect(report.calls.notebooks?.ok).toBe(true);
    expect(report.calls.untrusted).toMatchObject({ ok: false, code: 'forbidden' });
    expect(report.calls.noFrame).toMatchObject({ ok: false, code: 'forbidden' });
    expect(report.calls.invalid).toMatchObject({ ok: false, code: 'invalid_input' });
  });

  it('serves the renderer with the CSP and refuses to leave its folder', () => {
    expect(report.calls.page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(String(report.calls.page?.csp)).toContain("script-src 'self'");
    expect(report.calls.escape).toEqual({ status: 404 });
  });

  it('blocks window.open of local files and navigation away', () => {
    expect(report.calls.openExternalBlocked).toEqual({ action: 'deny' });
    expect(report.calls.navigationBlocked).toBe(true);
  });

  it('closes the database when the app quits', () => {
    expect(report.quit).toBe(true);
    expect(fs.existsSync(path.join(dir, 'profile', 'persist.sqlite'))).toBe(true);
    expect(report.walLeftAfterQuit).toBe(false);
  });
});
