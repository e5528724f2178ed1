import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Browser } from '@playwright/test';
import { PersistApp } from './app-session';
import { closeWorkerPdfRenderer } from './bridge';
import { launchChromium } from './chromium';

export { expect } from '@playwright/test';
export type { PersistApp } from './app-session';

interface Fixtures {
  /** The app on a fresh temporary profile, torn down (and checked for errors) after the test. */
  app: PersistApp;
}

interface WorkerFixtures {
  persistBrowser: Browser;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  // One Chromium per worker; every test gets its own context and profile.
  persistBrowser: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const browser = await launchChromium({ headless: true });
      await use(browser);
      await browser.close();
      // The PDF renderer, if a test of this worker exported anything.
      await closeWorkerPdfRenderer();
    },
    { scope: 'worker' },
  ],

  app: async ({ persistBrowser }, use, testInfo) => {
    const profileDir = await fs.mkdtemp(path.join(os.tmpdir(), 'persist-e2e-'));
    const app = await PersistApp.open({ browser: persistBrowser, profileDir, user: 'e2e' });
    try {
      await use(app);
    } finally {
      await app.close();
      await fs.rm(profileDir, { recursive: true, force: true });
    }
    // Checked after the test body so a failure here names the real cause.
    if (testInfo.status === testInfo.expectedStatus) {
      if (app.problems.length) throw new Error(`The page reported errors:\n${app.problems.join('\n')}`);
      if (app.refused.length) throw new Error(`The renderer tried to reach other origins:\n${app.refused.join('\n')}`);
    }
  },
});
