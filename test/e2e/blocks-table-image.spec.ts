import { expect, test } from '../support/harness';
import { makePng } from '../support/png';
import { insertBlockBySlash, skipUnlessCoreHasTemplates, storedBlocks } from './block-steps';
import { createEntry, createNotebook, expectSaved } from './steps';

test.beforeEach(async ({ app }) => {
  await skipUnlessCoreHasTemplates(app);
  await createNotebook(app.page, 'Induction');
  await createEntry(app.page, 'H69 day 3 micrographs');
});

test("a T4 time point takes the day's micrograph in its Image cell, and keeps it on removal by undo", async ({
  app,
}) => {
  const { page } = app;
  const block = await insertBlockBySlash(page, 'persister', /T4 Persister induction/);
  await block.getByRole('button', { name: 'Add row' }).first().click();
  const cell = block.getByRole('group', { name: 'Image, row 1', exact: true });
  await expect(cell.getByRole('button', { name: 'Attach image, Image, row 1' })).toBeVisible();

  const png = makePng(40, 30, 7);
  await cell.locator('input[type="file"]').setInputFiles({ name: 'day3-10x.png', mimeType: 'image/png', buffer: png });
  const thumb = cell.getByRole('img', { name: 'day3-10x.png' });
  await expect(thumb).toBeVisible();
  await expect.poll(() => thumb.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(40);
  await expectSaved(page);
  const rowsOf = () =>
    (storedBlocks(app.ctx, 'H69 day 3 micrographs')[0]?.values as { timepoints: Array<Record<string, unknown>> })
      .timepoints;
  expect(rowsOf()[0]?.image).toMatchObject({ name: 'day3-10x.png', mime: 'image/png', width: 40, height: 30 });

  await cell.getByRole('button', { name: 'Remove image, Image, row 1' }).click();
  await expect(thumb).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(cell.getByRole('img', { name: 'day3-10x.png' })).toBeVisible();
  await expectSaved(page);
  expect(rowsOf()[0]?.image).toMatchObject({ name: 'day3-10x.png' });
});
