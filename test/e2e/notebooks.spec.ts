import { expect, test } from '../support/harness';
import { DEMO_NOTEBOOK } from '../../shared/demo';
import { createNotebook, notebookLink } from './steps';

test('a notebook can be renamed and archived, and comes back from the archive', async ({ app }) => {
  const { page } = app;
  await createNotebook(page, 'Lab A');
  await expect(page.getByText('No entries yet — create one')).toBeVisible();

  await page.getByRole('button', { name: 'Rename notebook Lab A' }).click();
  const name = page.getByRole('textbox', { name: 'New name for Lab A' });
  await name.fill('Welcome');
  await name.press('Enter');
  // Names are unique; the core's reason is shown as is.
  await expect(page.getByRole('alert')).toContainText('A notebook named "Welcome" already exists.');
  await name.fill('Lab A — persisters');
  await name.press('Enter');
  await expect(notebookLink(page, 'Lab A — persisters')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Lab A — persisters' })).toBeVisible();
  // Besides the two seeded notebooks (the demo experiment and Welcome), only the renamed one.
  expect(app.ctx.db.prepare('SELECT name FROM notebooks ORDER BY name').all()).toEqual([
    { name: DEMO_NOTEBOOK },
    { name: 'Lab A — persisters' },
    { name: 'Welcome' },
  ]);

  await page.getByRole('button', { name: 'Archive notebook Lab A — persisters' }).click();
  await expect(notebookLink(page, 'Lab A — persisters')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'is archived' })).toBeVisible();

  await page.getByRole('checkbox', { name: 'Show archived' }).check();
  const archived = notebookLink(page, 'Lab A — persisters');
  await expect(archived).toHaveAccessibleName('Lab A — persisters Archived');
  await archived.click();
  await expect(page.getByRole('button', { name: 'New entry' })).toBeDisabled();

  await page.getByRole('button', { name: 'Unarchive notebook Lab A — persisters' }).click();
  await expect(archived).toHaveAccessibleName('Lab A — persisters 0 entries');
  await expect(page.getByRole('button', { name: 'New entry' })).toBeEnabled();
  await page.getByRole('checkbox', { name: 'Show archived' }).uncheck();
  await expect(notebookLink(page, 'Lab A — persisters')).toBeVisible();
});

test('an empty name is not accepted and Escape cancels', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'New notebook' }).click();
  const name = page.getByRole('textbox', { name: 'Notebook name' });
  await name.fill('   ');
  await expect(page.getByRole('button', { name: 'Create', exact: true })).toBeDisabled();
  await name.press('Escape');
  await expect(name).toHaveCount(0);
});
