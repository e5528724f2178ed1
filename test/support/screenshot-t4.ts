// Renders the demo experiment's persister induction (a filled T4 block) on a
// fresh profile and saves docs/screenshot-t4.png (1280x900), for the README
// and for eyeballing the protocol block UI.
// Run: node --import tsx test/support/screenshot-t4.ts
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PersistApp } from './app-session';
import { launchChromium } from './chromium';
import { REPO_ROOT } from './paths';
import { buildRenderer, isRendererBuildFresh } from './renderer-build';

const output = path.join(REPO_ROOT, 'docs', 'screenshot-t4.png');
const NOTEBOOK = /^Demo: NCI-H69 persisters/;
const ENTRY = /^Persister induction: /;

if (!isRendererBuildFresh()) await buildRenderer();
const profileDir = await fs.mkdtemp(path.join(os.tmpdir(), 'persist-shot-'));
const browser = await launchChromium({ headless: true });
try {
  const app = await PersistApp.open({ browser, profileDir, user: 'm.curie', viewport: { width: 1280, height: 900 } });
  const { page } = app;
  const notebook = page.getByRole('navigation', { name: 'Notebooks' }).getByRole('button', { name: NOTEBOOK });
  if ((await notebook.count()) === 0) throw new Error('The new profile has no demo notebook to photograph.');
  await notebook.click();
  await page
    .getByRole('list', { name: /^Entries in / })
    .getByRole('button', { name: ENTRY })
    .click();
  const block = page.getByRole('region', { name: 'T4 Persister induction (in vitro) block' });
  await block.locator('[data-field="treatments"] output').first().waitFor();
  // The block's header at the top of the text area, the pointer where it highlights nothing.
  await page.locator('.editor-body').evaluate(
    (body, top) => body.scrollTo({ top }),
    await block.evaluate((el) => {
      const body = el.closest('.editor-body');
      return body ? el.getBoundingClientRect().top - body.getBoundingClientRect().top + body.scrollTop - 12 : 0;
    }),
  );
  await page.mouse.move(1270, 890);
  await page.waitForTimeout(300);
  await fs.mkdir(path.dirname(output), { recursive: true });
  await page.screenshot({ path: output });
  if (app.problems.length) console.error(app.problems.join('\n'));
  await app.close();
  console.log(`Saved ${path.relative(process.cwd(), output)}`);
} finally {
  await browser.close();
  await fs.rm(profileDir, { recursive: true, force: true });
}
