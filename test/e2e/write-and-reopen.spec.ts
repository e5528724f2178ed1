import { expect, test } from '../support/harness';
import {
  createEntry,
  createNotebook,
  editorOf,
  entryIdByTitle,
  entryLink,
  expectSaved,
  notebookLink,
  revisionReasons,
  storedDraft,
} from './steps';

test('formatted text, lists and a table survive a new window on the same profile', async ({ app }) => {
  const { page } = app;
  await createNotebook(page, 'Persister assays');
  await createEntry(page, 'Cisplatin pulse, day 3');

  const text = editorOf(page);
  const key = page.keyboard;
  await key.type('# Culture conditions');
  await key.press('Enter');
  await key.type('Cells were ');
  await key.press('Control+b');
  await key.type('washed twice');
  await key.press('Control+b');
  await key.type(' in PBS at 5 % CO');
  await page.getByRole('button', { name: 'Subscript' }).click();
  await key.type('2');
  await page.getByRole('button', { name: 'Subscript' }).click();
  await key.type(', 1 x 10');
  await page.getByRole('button', { name: 'Superscript' }).click();
  await key.type('6');
  await page.getByRole('button', { name: 'Superscript' }).click();
  await key.type(' cells.');
  await key.press('Enter');
  await key.type('## Steps');
  await key.press('Enter');
  await key.type('- Thaw vial');
  await key.press('Enter');
  await key.type('Seed T25');
  await key.press('Enter');
  await key.press('Enter');
  await key.type('1. Add cisplatin');
  await key.press('Enter');
  await key.type('Incubate 72 h');
  await key.press('Enter');
  await key.press('Enter');
  await key.type('[] Count survivors');
  await key.press('Enter');
  await key.press('Enter');

  await page.getByRole('button', { name: 'Insert table' }).click();
  await key.type('Day');
  await key.press('Tab');
  await key.type('Vehicle');
  await key.press('Tab');
  await key.type('Treated');
  await key.press('Tab');
  await key.type('3');
  await key.press('Tab');
  await key.type('2.0e6');
  await key.press('Tab');
  await key.type('3.2e5');
  await page.getByRole('button', { name: 'Add column' }).click();
  await page.getByRole('button', { name: 'Add row' }).click();
  await expect(text.locator('tr')).toHaveCount(4);
  await expect(text.locator('tr').first().locator('th, td')).toHaveCount(4);
  await text.getByRole('cell').last().click();
  await key.type('6.1e4');

  await expectSaved(page);
  const entryId = entryIdByTitle(app.ctx, 'Cisplatin pulse, day 3');
  expect(JSON.stringify(storedDraft(app.ctx, entryId))).toContain('6.1e4');

  // A second window on the same profile sees everything as it was typed.
  const second = await app.newPage();
  await notebookLink(second, 'Persister assays').click();
  await entryLink(second, 'Cisplatin pulse, day 3').click();
  await expect(second.getByRole('textbox', { name: 'Entry title' })).toHaveValue('Cisplatin pulse, day 3');
  const reopened = editorOf(second);
  await expect(reopened.getByRole('heading', { level: 1 })).toHaveText('Culture conditions');
  await expect(reopened.getByRole('heading', { level: 2 })).toHaveText('Steps');
  await expect(reopened.locator('strong')).toHaveText('washed twice');
  await expect(reopened.locator('sub')).toHaveText('2');
  await expect(reopened.locator('sup')).toHaveText('6');
  await expect(reopened.locator('p', { hasText: 'in PBS at 5 % CO' })).toContainText('CO2, 1 x 106 cells.');
  await expect(reopened.locator('ul:not([role]) > li').filter({ hasNotText: 'Count' })).toHaveText([
    'Thaw vial',
    'Seed T25',
  ]);
  await expect(reopened.locator('ol > li')).toHaveText(['Add cisplatin', 'Incubate 72 h']);
  await expect(reopened.getByRole('checkbox', { name: 'Count survivors' })).not.toBeChecked();
  await expect(reopened.getByRole('columnheader')).toHaveText(['Day', 'Vehicle', 'Treated', '']);
  await expect(reopened.getByRole('row')).toHaveCount(4);
  await expect(reopened.getByRole('cell')).toHaveCount(12);
  await expect(reopened.getByRole('cell')).toContainText(['3', '2.0e6', '3.2e5', '6.1e4']);

  // And after a restart (database closed and opened again).
  const restarted = await app.reopen();
  await notebookLink(restarted, 'Persister assays').click();
  await entryLink(restarted, 'Cisplatin pulse, day 3').click();
  await expect(editorOf(restarted).locator('sub')).toHaveText('2');
  await expect(editorOf(restarted).getByRole('cell', { name: '6.1e4' })).toBeVisible();
});

test('leaving an entry stores a left-entry revision', async ({ app }) => {
  const { page } = app;
  await createNotebook(page, 'Revisions');
  await createEntry(page, 'First');
  await page.keyboard.type('Some observations.');
  await expectSaved(page);
  const first = entryIdByTitle(app.ctx, 'First');
  expect(revisionReasons(app.ctx, first)).not.toContain('left-entry');

  await createEntry(page, 'Second');
  await expect.poll(() => revisionReasons(app.ctx, first)).toContain('left-entry');
  expect(revisionReasons(app.ctx, first)[0]).toBe('created');
  // The revision holds the text as it was when the entry was left.
  const record = app.ctx.db
    .prepare("SELECT record FROM revisions WHERE entry_id = ? AND reason = 'left-entry'")
    .get(first) as { record: string };
  expect(record.record).toContain('Some observations.');
});
