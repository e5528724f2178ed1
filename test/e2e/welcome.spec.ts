import { expect, test } from '../support/harness';
import { editorOf, notebookLink, saveStatusOf } from './steps';

test('a new profile opens on the Welcome entry, fully rendered', async ({ app }) => {
  const { page } = app;
  await expect(notebookLink(page, 'Welcome')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('textbox', { name: 'Entry title' })).toHaveValue('Welcome to Persist');

  const text = editorOf(page);
  await expect(text.getByRole('heading', { level: 1, name: 'Welcome to Persist' })).toBeVisible();
  await expect(text.getByRole('heading', { level: 2 })).toHaveText([
    'Write as you would on paper',
    'Today',
    'Tables for counts',
  ]);
  await expect(text.locator('strong', { hasText: 'drug-tolerant persister' })).toBeVisible();
  await expect(text.locator('sub')).toHaveText('2');
  await expect(text.locator('sup')).toHaveText(['6', '2']);
  await expect(text.locator('code', { hasText: 'CVCL_1579' })).toBeVisible();
  await expect(text.getByRole('checkbox')).toHaveCount(3);
  await expect(text.getByRole('checkbox', { name: /Thaw NCI-H69/ })).toBeChecked();
  await expect(text.getByRole('columnheader', { name: 'Treated N' })).toBeVisible();
  await expect(text.getByRole('cell', { name: '6.1e4' })).toBeVisible();
  await expect(text.locator('blockquote')).toContainText('platinum');
  await expect(text.locator('hr')).toHaveCount(1);

  // Opening an entry is not an edit: nothing is saved, no draft version is spent.
  await expect(saveStatusOf(page)).toHaveText('');
  const { version } = app.ctx.db.prepare('SELECT version FROM drafts').get() as { version: number };
  expect(version).toBe(1);
});
