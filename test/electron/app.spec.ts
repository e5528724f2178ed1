import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { WELCOME_TITLE } from '../../electron/core/seed';
import type { PersistBridge } from '../../shared/ipc/api';
import { prepareElectronApp } from './electron-app';

/**
 * The real app in real Electron: built bundles, sandboxed preload, custom
 * protocol, IPC into the core over a fresh profile. Skipped where no Electron
 * binary exists (the same check `npm start` makes); there, the bundle test in
 * test/unit/electron-bundle.test.ts runs the same main bundle against a fake
 * Electron instead.
 */
const found = findElectronBinary();
test.skip(!found.executable, 'no Electron binary on this machine');

test.describe('Persist in Electron', () => {
  // One app for the whole file: the tests look at it from different sides.
  test.describe.configure({ mode: 'serial' });

  let app: ElectronApplication;
  let profile: string;
  let cleanup = () => undefined as void;

  test.beforeAll(async () => {
    test.setTimeout(300_000); // the first run builds better-sqlite3 for Electron
    const prepared = await prepareElectronApp();
    cleanup = prepared.cleanup;
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'persist-electron-profile-'));
    app = await electron.launch({
      executablePath: found.executable ?? undefined,
      args: [prepared.appDir, '--profile', profile],
      env: { ...process.env, PERSIST_USER: 'tester' },
    });
  });

  test.afterAll(async () => {
    await app?.close();
    cleanup();
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  test('shows the Welcome entry from the app scheme', async () => {
    const page = await app.firstWindow();
    expect(page.url()).toMatch(/^persist-app:\/\/app\//);
    await expect(page.getByText(WELCOME_TITLE).first()).toBeVisible();
  });

  test('exposes window.persist and nothing of Node', async () => {
    const page = await app.firstWindow();
    const seen = await page.evaluate(() => {
      const g = globalThis as Record<string, unknown>;
      const persist = g.persist as PersistBridge | undefined;
      return {
        persist: typeof persist,
        keys: persist ? Object.keys(persist).sort() : [],
        frozen: persist ? Object.isFrozen(persist) : false,
        require: typeof g.require,
        process: typeof g.process,
        module: typeof g.module,
        Buffer: typeof g.Buffer,
        ipcRenderer: typeof g.ipcRenderer,
      };
    });
    expect(seen).toEqual({
      persist: 'object',
      keys: ['invoke', 'on'],
      frozen: true,
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
      ipcRenderer: 'undefined',
    });
  });

  test('answers contract calls from the core over the temp profile', async () => {
    const page = await app.firstWindow();
    const info = await page.evaluate(() =>
      (globalThis as unknown as { persist: PersistBridge }).persist.invoke('app.info', {}),
    );
    expect(info).toMatchObject({ ok: true, data: { profileDir: profile, user: 'tester' } });
    const unknown = await page.evaluate(() =>
      (globalThis as unknown as { persist: { invoke: (c: string, i: unknown) => Promise<unknown> } }).persist.invoke(
        'no.such.channel',
        {},
      ),
    );
    expect(unknown).toMatchObject({ ok: false, code: 'unknown_channel' });
  });

  test('serves its pages with the CSP and stays on its own origin', async () => {
    const page = await app.firstWindow();
    const csp = await page.evaluate(async () =>
      (await fetch('persist-app://app/index.html')).headers.get('content-security-policy'),
    );
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');

    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^persist-app:\/\/app\//);
    expect(app.windows()).toHaveLength(1);
  });
});
