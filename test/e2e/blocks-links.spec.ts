import type { Page } from '@playwright/test';
import { expect, test } from '../support/harness';
import { chooseLink, insertBlockBySlash, skipUnlessCoreHasTemplates, textbox } from './block-steps';
import { createEntry, createNotebook, entryLink, expectSaved } from './steps';

test.beforeEach(async ({ app }) => {
  await skipUnlessCoreHasTemplates(app);
  await createNotebook(app.page, 'Lineage');
});

async function newBlockEntry(page: Page, title: string, query: string, option: RegExp) {
  await createEntry(page, title);
  return insertBlockBySlash(page, query, option);
}

test('links show as "Linked from" on the target, and the lineage runs parental -> persister -> regrowth -> harvest', async ({
  app,
}) => {
  const { page } = app;
  const model = await newBlockEntry(page, 'Model E2E-H69', 'model', /T1 Model record/);
  await textbox(model, 'Model ID').fill('E2E-H69');
  await model.getByRole('combobox', { name: 'Model type' }).selectOption('cell-line');
  await expectSaved(page);

  const induction = await newBlockEntry(page, 'E2E induction', 'persister', /T4 Persister induction/);
  await chooseLink(induction.getByRole('combobox', { name: 'Model', exact: true }), 'E2E-H69', /E2E-H69/);
  await expect(induction.getByRole('list', { name: 'Model: linked' })).toContainText('E2E-H69');
  await expectSaved(page);

  const holiday = await newBlockEntry(page, 'E2E holiday', 'holiday', /T5/);
  await chooseLink(holiday.getByRole('combobox', { name: 'Parent induction' }), 'E2E', /E2E induction/);
  await expectSaved(page);

  const harvest = await newBlockEntry(page, 'E2E harvest', 'harvest', /T8 Sample harvest/);
  await chooseLink(harvest.getByRole('combobox', { name: 'Parent', exact: true }), 'E2E', /E2E holiday/);
  await expectSaved(page);

  // The harvest's lineage, oldest first; each step opens its entry.
  const lineage = page.getByRole('list', { name: 'Lineage', exact: true });
  await expect(lineage.getByRole('button')).toHaveText([/E2E-H69/, /E2E induction/, /E2E holiday/, /E2E harvest/]);
  await expect(lineage.getByRole('button', { name: /E2E harvest/ })).toHaveAttribute('aria-current', 'true');
  await lineage.getByRole('button', { name: /^Model record/ }).click();
  await expect(page.getByRole('textbox', { name: 'Entry title' })).toHaveValue('Model E2E-H69');

  // The model record lists what links to it.
  const linkedFrom = page.getByRole('list', { name: 'Linked from', exact: true });
  await expect(linkedFrom.getByRole('button', { name: /E2E induction/ })).toBeVisible();
  await linkedFrom.getByRole('button', { name: /E2E induction/ }).click();
  await expect(page.getByRole('textbox', { name: 'Entry title' })).toHaveValue('E2E induction');
  await expect(entryLink(page, 'E2E induction')).toHaveAttribute('aria-current', 'true');
});
