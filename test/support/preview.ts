// `npm run preview [-- --profile DIR]`: the real renderer and the real core on
// a profile folder (default ./.profile-dev), in a visible Chromium window in
// place of Electron. Builds the renderer first if its sources changed. Stays
// open until the window is closed.
import path from 'node:path';
import { resolveProfileDir } from '../../electron/core';
import { PersistApp } from './app-session';
import { launchChromium } from './chromium';
import { buildRenderer, isRendererBuildFresh } from './renderer-build';

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    'npm run preview opens a window and needs a display: run `xvfb-run -a npm run preview` or use a desktop session.',
  );
  process.exit(1);
}

const profileDir =
  resolveProfileDir({ argv: process.argv.slice(2), env: process.env, defaultDir: '.profile-dev' }) ??
  path.resolve('.profile-dev');

if (!isRendererBuildFresh()) {
  console.log('Building the renderer…');
  await buildRenderer();
}

const browser = await launchChromium({ headless: false, args: ['--window-size=1280,860'] });
const app = await PersistApp.open({ browser, profileDir, viewport: null, user: process.env.PERSIST_USER });
console.log(`Persist preview on ${profileDir}. Close the window (or press Ctrl+C) to quit.`);

let closing = false;
async function quit(): Promise<void> {
  if (closing) return;
  closing = true;
  // Closing the context first lets nothing write while the database closes.
  await app.close().catch(() => {});
  await browser.close().catch(() => {});
  process.exit(0);
}

app.page.on('close', () => void quit());
browser.on('disconnected', () => void quit());
process.on('SIGINT', () => void quit());
process.on('SIGTERM', () => void quit());
