import { expect, test } from '../support/harness';
import { APP_URL } from '../support/serve-renderer';
import { createEntry, createNotebook, editorOf, entryIdByTitle, entryLink, expectSaved, storedDraft } from './steps';

test.beforeEach(async ({ app }) => {
  await createNotebook(app.page, 'Editor');
  await createEntry(app.page, 'Scratch');
});

test('links accept only web and mail addresses and never navigate the app', async ({ app }) => {
  const { page } = app;
  const key = page.keyboard;
  await key.type('See protocol');
  await key.press('Shift+Home');
  await page.getByRole('button', { name: 'Insert link' }).click();
  const address = page.getByRole('textbox', { name: 'Link address' });
  await expect(address).toBeFocused();
  await address.fill('javascript:alert(1)');
  await address.press('Enter');
  await expect(page.getByRole('form', { name: 'Insert link' }).getByRole('alert')).toContainText('Enter a web address');
  await address.fill('protocols.io/view/h69-thaw');
  await address.press('Enter');
  const link = editorOf(page).getByRole('link', { name: 'See protocol' });
  await expect(link).toHaveAttribute('href', 'https://protocols.io/view/h69-thaw');

  await link.click({ modifiers: ['Control'] });
  await link.click();
  await expect(page).toHaveURL(APP_URL);
  expect(app.context.pages()).toHaveLength(1);

  await expectSaved(page);
  expect(JSON.stringify(storedDraft(app.ctx, entryIdByTitle(app.ctx, 'Scratch')))).toContain(
    'https://protocols.io/view/h69-thaw',
  );
});

test('undo and redo from the keyboard and the toolbar', async ({ app }) => {
  const { page } = app;
  const text = editorOf(page);
  await page.keyboard.type('Passage 12');
  await expect(text).toHaveText('Passage 12');
  await page.keyboard.press('Control+z');
  await expect(text).not.toContainText('Passage 12');
  await page.keyboard.press('Control+Shift+z');
  await expect(text).toHaveText('Passage 12');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(text).not.toContainText('Passage 12');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(text).toHaveText('Passage 12');
});

test('toolbar shows the active formats and block styles', async ({ app }) => {
  const { page } = app;
  const key = page.keyboard;
  const bold = page.getByRole('button', { name: 'Bold' });
  await expect(bold).toHaveAttribute('aria-pressed', 'false');
  await key.press('Control+b');
  await expect(bold).toHaveAttribute('aria-pressed', 'true');
  await key.type('Strong');
  await key.press('Control+b');
  await key.press('Control+i');
  await key.type(' and slanted');
  await key.press('Control+i');
  await key.press('Control+u');
  await key.type(' underlined');
  await key.press('Control+u');
  const text = editorOf(page);
  await expect(text.locator('strong')).toHaveText('Strong');
  await expect(text.locator('em')).toHaveText(' and slanted');
  await expect(text.locator('.rt-underline')).toHaveText(' underlined');

  await page.getByRole('button', { name: 'Heading 2' }).click();
  await expect(page.getByRole('button', { name: 'Heading 2' })).toHaveAttribute('aria-pressed', 'true');
  await expect(text.getByRole('heading', { level: 2 })).toContainText('Strong and slanted underlined');
  await page.getByRole('button', { name: 'Heading 2' }).click();
  await expect(text.getByRole('heading')).toHaveCount(0);

  await key.press('End');
  await key.press('Enter');
  await page.getByRole('button', { name: 'Quote' }).click();
  await key.type('Quoted remark');
  await expect(text.locator('blockquote')).toHaveText('Quoted remark');
  await key.press('Enter');
  await page.getByRole('button', { name: 'Horizontal rule' }).click();
  await expect(text.locator('hr')).toHaveCount(1);
  await page.getByRole('button', { name: 'Check list' }).click();
  await key.type('Order FBS');
  await expect(text.getByRole('checkbox', { name: 'Order FBS' })).toBeVisible();
  await page.getByRole('button', { name: 'Inline code' }).click();
  await key.type(' CVCL_0A12');
  await expect(text.locator('code')).toHaveText(' CVCL_0A12');
  await expectSaved(page);
});

test('title, tags and the entry list stay in step with the core', async ({ app }) => {
  const { page } = app;
  const title = page.getByRole('textbox', { name: 'Entry title' });
  await title.fill('Clonogenic assay');
  await expect(entryLink(page, 'Clonogenic assay')).toBeVisible();

  const tag = page.getByRole('textbox', { name: 'Add tag' });
  await tag.fill('H69');
  await tag.press('Enter');
  await tag.fill('cisplatin, persisters');
  await expect(page.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveText([
    'H69',
    'cisplatin',
    'persisters',
  ]);
  await page.getByRole('button', { name: 'Remove tag persisters' }).click();
  await expectSaved(page);

  const row = app.ctx.db
    .prepare('SELECT title, tags FROM entries WHERE id = ?')
    .get(entryIdByTitle(app.ctx, 'Clonogenic assay'));
  expect(row).toEqual({ title: 'Clonogenic assay', tags: JSON.stringify(['H69', 'cisplatin']) });
  await expect(entryLink(page, 'Clonogenic assay')).toHaveAccessibleDescription(/H69 cisplatin/);
});

test('a check item is ticked by clicking its box, and that is saved', async ({ app }) => {
  const { page } = app;
  await page.keyboard.type('[] Passage cells');
  const item = editorOf(page).getByRole('checkbox', { name: 'Passage cells' });
  await expect(item).not.toBeChecked();
  // The box is drawn at the start of the item; clicking the text only places the caret.
  await item.click({ position: { x: 60, y: 10 } });
  await expect(item).not.toBeChecked();
  await item.click({ position: { x: 8, y: 12 } });
  await expect(item).toBeChecked();
  await expectSaved(page);
  expect(JSON.stringify(storedDraft(app.ctx, entryIdByTitle(app.ctx, 'Scratch')))).toContain('"checked":true');
});
