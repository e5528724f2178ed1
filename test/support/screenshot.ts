// Renders the app on a fresh profile with the Welcome entry open and saves
// docs/screenshot-app.png (1280x800), for the README and for eyeballing the UI.
// Run: node --import tsx test/support/screenshot.ts
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PersistApp } from './app-session';
import { launchChromium } from './chromium';
import { REPO_ROOT } from './paths';
import { buildRenderer, isRendererBuildFresh } from './renderer-build';

const output = path.join(REPO_ROOT, 'docs', 'screenshot-app.png');

if (!isRendererBuildFresh()) await buildRenderer();
const profileDir = await fs.mkdtemp(path.join(os.tmpdir(), 'persist-shot-'));
const browser = await launchChromium({ headless: true });
try {
  const app = await PersistApp.open({ browser, profileDir, user: 'm.curie' });
  const { page } = app;
  await page
    .getByRole('textbox', { name: 'Entry text' })
    .getByRole('heading', { name: 'Welcome to Persist' })
    .waitFor();
  // Park the pointer where it highlights nothing, so the picture shows the app at rest.
  await page.mouse.move(1270, 790);
  await fs.mkdir(path.dirname(output), { recursive: true });
  await page.screenshot({ path: output });
  if (app.problems.length) console.error(app.problems.join('\n'));
  await app.close();
  console.log(`Saved ${path.relative(process.cwd(), output)}`);
} finally {
  await browser.close();
  await fs.rm(profileDir, { recursive: true, force: true });
}
