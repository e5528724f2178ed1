import { expect, test } from '../support/harness';
import { createEntry, createNotebook, entryLink, entryListOf, expectSaved, notebookLink } from './steps';

test('a trashed entry leaves the list and search, waits in the Trash, and comes back', async ({ app }) => {
  const { page } = app;
  await createNotebook(page, 'Bench');
  await createEntry(page, 'Mycoplasma test');
  await page.keyboard.type('PCR negative for mycoplasma.');
  await expectSaved(page);

  await page.getByRole('button', { name: 'Move entry to Trash' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'moved to the Trash' })).toBeVisible();
  await expect(entryLink(page, 'Mycoplasma test')).toHaveCount(0);
  await expect(page.getByText('No entries yet — create one')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Entry title' })).toHaveCount(0);

  const search = page.getByRole('searchbox', { name: 'Search entries' });
  await search.fill('mycoplasma');
  const results = page.getByRole('region', { name: 'Search results' });
  // The Welcome entry mentions mycoplasma too; the trashed one must not show.
  await expect(results.getByRole('button', { name: /Welcome to Persist/ })).toBeVisible();
  await expect(results.getByRole('button', { name: /Mycoplasma test/ })).toHaveCount(0);
  await search.press('Escape');

  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  const trash = page.getByRole('list', { name: 'Entries in the Trash' });
  await expect(trash.getByRole('button', { name: 'Mycoplasma test', exact: true })).toBeVisible();
  // A trashed entry can be read but not edited.
  await trash.getByRole('button', { name: 'Mycoplasma test', exact: true }).click();
  await expect(page.getByText('This entry is in the Trash')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Entry text' })).toHaveAttribute('contenteditable', 'false');

  await trash.getByRole('button', { name: 'Restore Mycoplasma test' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'restored to Bench' })).toBeVisible();
  await expect(page.getByText('The Trash is empty')).toBeVisible();

  await notebookLink(page, 'Bench').click();
  await expect(entryLink(page, 'Mycoplasma test')).toBeVisible();
  await search.fill('mycoplasma');
  await expect(results.getByRole('button', { name: /Mycoplasma test/ })).toBeVisible();

  const reasons = app.ctx.db
    .prepare(
      "SELECT reason FROM revisions r JOIN entries e ON e.id = r.entry_id WHERE e.title = 'Mycoplasma test' ORDER BY seq",
    )
    .all() as Array<{ reason: string }>;
  expect(reasons.map((r) => r.reason)).toEqual(expect.arrayContaining(['created', 'trashed', 'restored']));
});

test('an entry can be trashed from the list without opening it', async ({ app }) => {
  const { page } = app;
  await createNotebook(page, 'Quick');
  await createEntry(page, 'Keep');
  await createEntry(page, 'Discard');
  await entryLink(page, 'Keep').click();
  await entryListOf(page).getByRole('button', { name: 'Move Discard to Trash' }).click();
  await expect(entryLink(page, 'Discard')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Entry title' })).toHaveValue('Keep');
  await expect(notebookLink(page, 'Quick')).toHaveAccessibleName('Quick 1 entry');
});
