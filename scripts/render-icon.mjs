// Renders build/icon.svg to build/icon.png (512x512, transparent corners) with
// headless Chromium, the one image tool every build machine here has.
// electron-builder turns that PNG into the .icns and .ico it needs.
// Usage: node scripts/render-icon.mjs   (CHROMIUM_PATH overrides /usr/bin/chromium)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const svg = path.join(root, 'build', 'icon.svg');
const png = path.join(root, 'build', 'icon.png');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'persist-icon-'));

// An HTML wrapper pins the SVG to the viewport's top-left corner at 1:1.
const html = path.join(profile, 'icon.html');
fs.writeFileSync(
  html,
  `<!doctype html><html><body style="margin:0;background:transparent"><img src="${pathToFileURL(svg)}" width="512" height="512" style="display:block"></body></html>`,
);

const result = spawnSync(
  chromium,
  [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--hide-scrollbars',
    '--force-device-scale-factor=1',
    '--default-background-color=00000000',
    `--user-data-dir=${profile}`,
    '--window-size=512,512',
    `--screenshot=${png}`,
    pathToFileURL(html).href,
  ],
  { stdio: 'inherit' },
);
fs.rmSync(profile, { recursive: true, force: true });
if (result.status !== 0 || !fs.existsSync(png)) {
  console.error('Persist: could not render build/icon.png (is Chromium installed? set CHROMIUM_PATH)');
  process.exit(1);
}
console.log(`Persist: wrote ${path.relative(root, png)}`);
