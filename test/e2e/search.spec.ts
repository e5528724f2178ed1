import { expect, test } from '../support/harness';
import { createEntry, createNotebook, editorOf, entryLink, expectSaved } from './steps';

test('search finds an entry by its text, highlights the match and opens it', async ({ app }) => {
  const { page } = app;
  await createNotebook(page, 'Screens');
  await createEntry(page, 'Osimertinib persisters');
  await page.keyboard.type('Residual colonies after twelve days of osimertinib exposure.');
  await expectSaved(page);
  await createEntry(page, 'Unrelated');
  await page.keyboard.type('Media change only.');
  await expectSaved(page);

  await page.getByRole('searchbox', { name: 'Search entries' }).fill('colonies');
  const results = page.getByRole('region', { name: 'Search results' });
  const hit = results.getByRole('button', { name: /Osimertinib persisters/ });
  await expect(hit).toHaveCount(1);
  await expect(hit.locator('mark')).toHaveText('colonies');
  await expect(hit).toContainText('Residual colonies after twelve days');
  await expect(results.getByRole('button', { name: /Unrelated/ })).toHaveCount(0);

  await hit.click();
  await expect(results).toBeHidden();
  await expect(page.getByRole('textbox', { name: 'Entry title' })).toHaveValue('Osimertinib persisters');
  await expect(editorOf(page)).toContainText('Residual colonies');
  await expect(entryLink(page, 'Osimertinib persisters')).toHaveAttribute('aria-current', 'true');
});

test('search says so when nothing matches, and treats operators as plain text', async ({ app }) => {
  const { page } = app;
  const box = page.getByRole('searchbox', { name: 'Search entries' });
  await box.fill('"unbalanced OR (');
  const results = page.getByRole('region', { name: 'Search results' });
  await expect(results).toContainText('No entries match');
  await box.fill('persister');
  await expect(results.getByRole('button', { name: /Welcome to Persist/ })).toBeVisible();
  await box.press('Escape');
  await expect(results).toBeHidden();
});
