import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../support/harness';
import { formatBytes } from '../../shared/attachments/limits';
import { FIXTURE_GEL } from '../support/image-template';
import { makePng } from '../support/png';
import { insertBlockBySlash, skipUnlessCoreHasTemplates, storedBlocks } from './block-steps';
import { createEntry, createNotebook, entryLink, expectSaved, notebookLink } from './steps';

const sha = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

/** The picture shown for an image field, and its decoded width (0 until the browser decoded real pixels). */
const picture = (block: Locator, name: string) => block.getByRole('img', { name, exact: true });
const decodedWidth = (img: Locator) => img.evaluate((el) => (el as HTMLImageElement).naturalWidth);

/** Pastes a file into the element (as Ctrl+V with an image on the clipboard does), or drops one on it. */
async function giveFile(how: 'paste' | 'drop', target: Locator, name: string, bytes: Buffer): Promise<void> {
  await target.evaluate(
    (el, file) => {
      const data = new DataTransfer();
      const raw = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      data.items.add(new File([raw], file.name, { type: 'image/png' }));
      const init = { bubbles: true, cancelable: true };
      if (file.how === 'paste') el.dispatchEvent(new ClipboardEvent('paste', { ...init, clipboardData: data }));
      else
        for (const type of ['dragover', 'drop']) el.dispatchEvent(new DragEvent(type, { ...init, dataTransfer: data }));
    },
    { how, name, base64: bytes.toString('base64') },
  );
}

async function openGelBlock(page: Page): Promise<Locator> {
  await createNotebook(page, 'Imaging');
  await createEntry(page, 'Gel run 3');
  return insertBlockBySlash(page, 'gel', /Fixture gel image/);
}

test.beforeEach(async ({ app }) => {
  await skipUnlessCoreHasTemplates(app);
  const imported = await app.host.invoke('templates.import', { definition: FIXTURE_GEL });
  expect(imported.ok).toBe(true);
  // The renderer lists templates when it starts: start it again with the new one installed.
  await app.reopen();
});

test('an image field takes a real PNG, shows its thumbnail, and still shows it after a restart', async ({ app }) => {
  let page = app.page;
  const block = await openGelBlock(page);
  const png = makePng(64, 48, 5);
  await block.locator('input[type="file"]').setInputFiles({ name: 'gel-3.png', mimeType: 'image/png', buffer: png });

  const thumb = picture(block, 'gel-3.png');
  await expect(thumb).toBeVisible();
  await expect.poll(() => decodedWidth(thumb)).toBe(64);
  await expect(block.getByRole('group', { name: 'Gel photo', exact: true })).toContainText(
    `${formatBytes(png.length)} · 64 × 48`,
  );
  await expectSaved(page);

  // Stored as a reference to a content-addressed file in the profile.
  const hash = sha(png);
  const [stored] = storedBlocks(app.ctx, 'Gel run 3');
  expect(stored?.values).toMatchObject({
    photo: { sha256: hash, name: 'gel-3.png', mime: 'image/png', width: 64, height: 48 },
  });
  expect(fs.readFileSync(path.join(app.profileDir, 'attachments', hash.slice(0, 2), hash)).equals(png)).toBe(true);

  page = await app.reopen();
  await notebookLink(page, 'Imaging').click();
  await entryLink(page, 'Gel run 3').click();
  const again = page.locator('.pb').first();
  const thumbAgain = picture(again, 'gel-3.png');
  await expect(thumbAgain).toBeVisible();
  await expect.poll(() => decodedWidth(thumbAgain)).toBe(64);
  await expect(again.getByRole('button', { name: 'Replace…' })).toBeVisible();
});

test('a file that is not an image is refused with a clear message and the stored image stays', async ({ app }) => {
  const { page } = app;
  const block = await openGelBlock(page);
  const chooser = block.locator('input[type="file"]');
  await chooser.setInputFiles({ name: 'first.png', mimeType: 'image/png', buffer: makePng(10, 10, 1) });
  await expect(picture(block, 'first.png')).toBeVisible();
  await expectSaved(page);

  const svg = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="9" height="9"/></svg>',
  );
  await chooser.setInputFiles({ name: 'evil.png', mimeType: 'image/png', buffer: svg });
  await expect(block.getByRole('alert')).toHaveText(
    'Could not attach "evil.png": Only PNG, JPEG, GIF or WebP images can be attached; this file is an SVG drawing, which can carry scripts.',
  );
  await expect(picture(block, 'first.png')).toBeVisible();
  expect(storedBlocks(app.ctx, 'Gel run 3')[0]?.values).toMatchObject({ photo: { name: 'first.png' } });
  expect(app.ctx.db.prepare('SELECT count(*) FROM attachments').pluck().get()).toBe(1);
});

test('paste attaches an image, Remove works from the keyboard, undo brings it back, a drop replaces it', async ({
  app,
}) => {
  const { page } = app;
  const block = await openGelBlock(page);
  const dropZone = block.getByRole('group', { name: /Gel photo: paste an image here/ });
  await dropZone.focus();
  await giveFile('paste', dropZone, 'pasted.png', makePng(20, 12, 9));
  const pasted = picture(block, 'pasted.png');
  await expect(pasted).toBeVisible();
  await expect.poll(() => decodedWidth(pasted)).toBe(20);

  // Keyboard only: Tab from the drop zone reaches Replace, then Remove.
  await expect(dropZone).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(block.getByRole('button', { name: 'Replace…' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(block.getByRole('button', { name: 'Remove' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(pasted).toHaveCount(0);
  await expect(block.getByRole('button', { name: 'Choose image…' })).toBeVisible();
  await expectSaved(page);
  expect(storedBlocks(app.ctx, 'Gel run 3')[0]?.values).not.toHaveProperty('photo');

  // The bytes were never deleted, so undo shows the picture again.
  await block.getByRole('button', { name: 'Choose image…' }).focus();
  await page.keyboard.press('Control+z');
  await expect(picture(block, 'pasted.png')).toBeVisible();
  await expectSaved(page);
  expect(storedBlocks(app.ctx, 'Gel run 3')[0]?.values).toMatchObject({ photo: { name: 'pasted.png' } });

  await giveFile('drop', dropZone, 'dropped.png', makePng(30, 30, 3));
  await expect(picture(block, 'dropped.png')).toBeVisible();
  await expect(picture(block, 'pasted.png')).toHaveCount(0);
  await expectSaved(page);
  expect(storedBlocks(app.ctx, 'Gel run 3')[0]?.values).toMatchObject({ photo: { name: 'dropped.png', width: 30 } });
});
