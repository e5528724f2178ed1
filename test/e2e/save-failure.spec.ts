import { expect, test } from '../support/harness';
import { createEntry, createNotebook, editorOf, entryIdByTitle, expectSaved, saveStatusOf, storedDraft } from './steps';

test('a failed save is shown, the text stays, and the retry stores it', async ({ app }) => {
  const { page } = app;
  await createNotebook(page, 'Flaky disk');
  await createEntry(page, 'Viability counts');
  await page.keyboard.type('Before the failure.');
  await expectSaved(page);
  const id = entryIdByTitle(app.ctx, 'Viability counts');

  app.failNext('entries.saveDraft', { code: 'internal', message: 'The disk is full.' });
  await page.keyboard.type(' Typed while the disk was full.');
  await expect(saveStatusOf(page)).toContainText('Not saved: The disk is full.');
  await expect(saveStatusOf(page)).toHaveAttribute('data-state', 'error');
  await expect(editorOf(page)).toContainText('Before the failure. Typed while the disk was full.');

  // The saver retries on its own; nothing has to be typed again.
  await expectSaved(page);
  await expect.poll(() => JSON.stringify(storedDraft(app.ctx, id))).toContain('Typed while the disk was full.');
  const failed = app.host.calls.filter((c) => c.channel === 'entries.saveDraft' && !c.ok);
  expect(failed).toHaveLength(1);
});

test('a refused save is not retried blindly but the next edit saves everything', async ({ app }) => {
  const { page } = app;
  await createNotebook(page, 'Refusals');
  await createEntry(page, 'Conflicted');
  app.failNext('entries.saveDraft', { code: 'conflict', message: 'Another window changed this entry.' });
  await page.keyboard.type('First line.');
  await expect(saveStatusOf(page)).toHaveText(
    /Not saved: Another window changed this entry\. Your text is kept here\./,
  );
  await page.keyboard.type(' Second line.');
  await expectSaved(page);
  const id = entryIdByTitle(app.ctx, 'Conflicted');
  expect(JSON.stringify(storedDraft(app.ctx, id))).toContain('First line. Second line.');
});
