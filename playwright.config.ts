import { defineConfig } from '@playwright/test';

/**
 * Two projects: e2e drives the built renderer in real Chromium through the
 * test harness (test/support); electron drives the packaged app through
 * Playwright's _electron and skips itself where no Electron binary exists.
 */
export default defineConfig({
  globalSetup: './test/support/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  fullyParallel: true,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  projects: [
    { name: 'e2e', testDir: 'test/e2e' },
    { name: 'electron', testDir: 'test/electron' },
  ],
});
