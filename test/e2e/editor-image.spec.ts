import crypto from 'node:crypto';
import type { Locator } from '@playwright/test';
import type { LexicalNodeJson } from '../../shared/domain/types';
import { expect, test } from '../support/harness';
import { makePng } from '../support/png';
import {
  createEntry,
  createNotebook,
  editorOf,
  entryIdByTitle,
  entryLink,
  expectSaved,
  notebookLink,
  storedDraft,
} from './steps';

const sha = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

/** Pastes a file into the entry text, as Ctrl+V with a copied image does. */
async function pasteFile(target: Locator, name: string, bytes: Buffer): Promise<void> {
  await target.evaluate(
    (el, file) => {
      const data = new DataTransfer();
      const raw = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      data.items.add(new File([raw], file.name, { type: 'image/png' }));
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { name, base64: bytes.toString('base64') },
  );
}

function imageNodes(node: LexicalNodeJson): LexicalNodeJson[] {
  const own = node.type === 'attachment-image' ? [node] : [];
  return [...own, ...(node.children ?? []).flatMap(imageNodes)];
}

test('a pasted image lands in the entry text, is saved as an attachment and is there after a restart', async ({
  app,
}) => {
  let page = app.page;
  await createNotebook(page, 'Microscopy');
  await createEntry(page, 'Day 9 images');
  await page.keyboard.type('Persisters after cisplatin, day 9:');
  const png = makePng(50, 40, 12);
  await pasteFile(editorOf(page), 'day9.png', png);

  const img = editorOf(page).getByRole('img', { name: 'day9.png' });
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(50);
  await expectSaved(page);
  const id = entryIdByTitle(app.ctx, 'Day 9 images');
  expect(imageNodes(storedDraft(app.ctx, id).root)).toEqual([
    { type: 'attachment-image', version: 1, sha256: sha(png), alt: 'day9.png' },
  ]);
  expect(app.ctx.db.prepare('SELECT sha256 FROM entry_attachments WHERE entry_id = ?').pluck().all(id)).toEqual([
    sha(png),
  ]);

  // A file that is not an image is refused with the reason; the text is unchanged.
  await editorOf(page).focus();
  await pasteFile(editorOf(page), 'notes.png', Buffer.from('<html><body>not a picture</body></html>'));
  await expect(page.getByRole('alert')).toHaveText(
    'Could not add "notes.png": Only PNG, JPEG, GIF or WebP images can be attached; this file is an HTML page.',
  );
  await expect(editorOf(page).getByRole('img')).toHaveCount(1);

  page = await app.reopen();
  await notebookLink(page, 'Microscopy').click();
  await entryLink(page, 'Day 9 images').click();
  const again = editorOf(page).getByRole('img', { name: 'day9.png' });
  await expect(again).toBeVisible();
  await expect.poll(() => again.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(50);
  await expect(editorOf(page)).toContainText('Persisters after cisplatin, day 9:');
});
