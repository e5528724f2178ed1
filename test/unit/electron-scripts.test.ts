import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary, NO_ELECTRON_MESSAGE } from '../../scripts/electron-binary.mjs';

const repo = path.resolve(import.meta.dirname, '..', '..');
const temps: string[] = [];
afterEach(() => {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A repo-like folder with an installed electron package, optionally with a downloaded binary. */
function fakeRoot({ pathTxt, binary }: { pathTxt?: string; binary?: string } = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'persist-electron-bin-'));
  temps.push(root);
  const pkg = path.join(root, 'node_modules', 'electron');
  fs.mkdirSync(pkg, { recursive: true });
  fs.writeFileSync(path.join(pkg, 'package.json'), '{"name":"electron","version":"45.5.0"}');
  if (pathTxt !== undefined) fs.writeFileSync(path.join(pkg, 'path.txt'), pathTxt);
  if (binary) {
    fs.mkdirSync(path.dirname(path.join(pkg, 'dist', binary)), { recursive: true });
    fs.writeFileSync(path.join(pkg, 'dist', binary), '');
  }
  return root;
}

describe('findElectronBinary (never downloads)', () => {
  it('finds the binary that path.txt names', () => {
    const root = fakeRoot({ pathTxt: 'electron', binary: 'electron' });
    const found = findElectronBinary({ root, env: {} });
    expect(found).toEqual({
      executable: path.join(root, 'node_modules', 'electron', 'dist', 'electron'),
      distDir: path.join(root, 'node_modules', 'electron', 'dist'),
    });
  });

  it('reports a missing path.txt (never downloaded) and a missing binary', () => {
    expect(findElectronBinary({ root: fakeRoot(), env: {} })).toMatchObject({ executable: null, reason: /path\.txt/ });
    expect(findElectronBinary({ root: fakeRoot({ pathTxt: 'electron' }), env: {} })).toMatchObject({
      executable: null,
      reason: /does not exist/,
    });
  });

  it('reports an uninstalled electron package', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'persist-electron-bin-'));
    temps.push(root);
    expect(findElectronBinary({ root, env: {} })).toMatchObject({ executable: null, reason: /not installed/ });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like require("electron") does', () => {
    const root = fakeRoot();
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'persist-electron-dist-'));
    temps.push(dist);
    fs.writeFileSync(path.join(dist, 'electron'), '');
    expect(findElectronBinary({ root, env: { ELECTRON_OVERRIDE_DIST_PATH: dist }, platform: 'linux' })).toEqual({
      executable: path.join(dist, 'electron'),
      distDir: dist,
    });
    expect(
      findElectronBinary({ root, env: { ELECTRON_OVERRIDE_DIST_PATH: path.join(dist, 'nope') }, platform: 'linux' }),
    ).toMatchObject({ executable: null });
  });
});

// An override pointing nowhere makes "no Electron" true on every machine, so
// these never start a real Electron even where one is installed.
const noElectron = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: path.join(os.tmpdir(), 'persist-no-electron-here') };

describe('npm start without Electron', () => {
  it('prints one clear line and exits 1', () => {
    const run = spawnSync(process.execPath, ['scripts/start.mjs', '--profile', os.tmpdir()], {
      cwd: repo,
      encoding: 'utf8',
      env: noElectron,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${NO_ELECTRON_MESSAGE}\n`);
  });
});

describe('npm run dist without an Electron dist', () => {
  it('stops before building, with one line naming the ways out', () => {
    const run = spawnSync(process.execPath, ['scripts/dist.mjs', '--linux', 'AppImage'], {
      cwd: repo,
      encoding: 'utf8',
      env: noElectron,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Persist: packaging needs an Electron 45\.5\.0 binary.*-c\.electronDist=DIR/);
  });

  it('checks an explicit -c.electronDist before building anything', () => {
    const run = spawnSync(process.execPath, ['scripts/dist.mjs', '-c.electronDist=/definitely/not/here'], {
      cwd: repo,
      encoding: 'utf8',
      env: noElectron,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      'Persist: the Electron dist given with -c.electronDist (/definitely/not/here) does not exist.',
    );
  });
});
