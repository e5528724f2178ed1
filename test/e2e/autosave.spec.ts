import { expect, test } from '../support/harness';
import { createEntry, createNotebook, entryIdByTitle, expectSaved, revisionReasons, saveStatusOf } from './steps';

test('continuous typing is saved at least every ~2 s, not only when typing stops', async ({ app }) => {
  const { page } = app;
  await createNotebook(page, 'Timing');
  await createEntry(page, 'Long note');
  const started = Date.now();
  // ~3.5 s of steady typing: the pause-based debounce alone would never fire.
  await page.keyboard.type('Cells counted on a haemocytometer, four squares.', { delay: 70 });
  const stopped = Date.now();
  await expectSaved(page);
  const saves = app.host.calls.filter((c) => c.channel === 'entries.saveDraft').map((c) => c.at);
  expect(stopped - started).toBeGreaterThan(2500);
  expect(saves.filter((at) => at < stopped).length).toBeGreaterThanOrEqual(1);
  expect(saves.length).toBeLessThan(10);
});

test('the window losing focus stores the edits and records a revision', async ({ app }) => {
  const { page } = app;
  await createNotebook(page, 'Blur');
  await createEntry(page, 'Interrupted');
  await page.keyboard.type('Stopped to answer the phone.');
  await expect(saveStatusOf(page)).toHaveText('Saving…');
  await page.evaluate(() => window.dispatchEvent(new Event('blur')));
  await expectSaved(page);
  const id = entryIdByTitle(app.ctx, 'Interrupted');
  await expect.poll(() => revisionReasons(app.ctx, id)).toContain('left-entry');
});

test('a change pushed from another window refreshes the list and the open entry', async ({ app }) => {
  const { page } = app;
  await createNotebook(page, 'Shared');
  await createEntry(page, 'Shared entry');
  const id = entryIdByTitle(app.ctx, 'Shared entry');
  // Another window (simulated through the core) renames and rewrites the entry.
  const { createHandlers } = await import('../../electron/core');
  const handlers = createHandlers(app.ctx);
  await handlers['entries.rename']({ id, title: 'Renamed elsewhere' });
  const { documentOf, paragraph } = await import('../../shared/domain/lexical-build');
  const saved = await handlers['entries.saveDraft']({
    id,
    content: documentOf(paragraph('Written in the other window.')),
  });
  await app.emit('entries.changed', { entryId: id, draftVersion: saved.draftVersion });
  await expect(page.getByRole('button', { name: 'Renamed elsewhere', exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Entry text' })).toHaveText('Written in the other window.');
});
