import type { Page } from '@playwright/test';
import { expect, test } from '../support/harness';
import { blockOf, cell, insertBlockBySlash, skipUnlessCoreHasTemplates, storedBlocks, textbox } from './block-steps';
import { createEntry, createNotebook, editorOf, expectSaved } from './steps';

test.beforeEach(async ({ app }) => {
  await skipUnlessCoreHasTemplates(app);
  await createNotebook(app.page, 'Blocks');
});

const caret = (page: Page) =>
  page.evaluate(() => {
    // Focus inside a block is in its shadow root (renderer/blocks/node/block-shadow-root.ts).
    let el = document.activeElement as HTMLInputElement;
    while (el.shadowRoot?.activeElement) el = el.shadowRoot.activeElement as HTMLInputElement;
    return { start: el.selectionStart, end: el.selectionEnd, value: el.value };
  });

test('keys typed in a block field stay in the field: select all, Backspace, Enter, arrows, Tab, undo and redo', async ({
  app,
}) => {
  const { page } = app;
  const key = page.keyboard;
  await createEntry(page, 'Model H69');
  await key.type('Thawed vial 3 of the H69 bank.');
  await key.press('Enter');

  // The toolbar's picker: search, Enter, and the caret lands in the first field.
  await page.getByRole('button', { name: 'Insert protocol block' }).click();
  await page.getByRole('combobox', { name: 'Search templates' }).fill('model');
  await key.press('Enter');
  const block = blockOf(page, 'T1 Model record');
  const modelId = textbox(block, 'Model ID');
  await expect(modelId).toBeFocused();
  await key.type('NCI-H96');

  await key.press('Control+a');
  expect(await caret(page)).toEqual({ start: 0, end: 7, value: 'NCI-H96' });
  await key.press('ArrowRight');
  await key.press('Backspace');
  await key.press('Backspace');
  await key.type('69');
  await expect(modelId).toHaveValue('NCI-H69');
  await key.press('ArrowLeft');
  await key.press('ArrowLeft');
  await key.press('ArrowLeft');
  await key.press('ArrowLeft');
  expect((await caret(page)).start).toBe(3);
  await key.press('Enter');
  await expect(modelId).toBeFocused();
  await expect(modelId).toHaveValue('NCI-H69');
  await expect(editorOf(page).locator('p.rt-p')).toHaveCount(2);
  await expect(editorOf(page).locator('p.rt-p').first()).toHaveText('Thawed vial 3 of the H69 bank.');

  await key.press('Tab');
  await expect(block.getByRole('combobox', { name: 'Model type' })).toBeFocused();
  await key.press('Shift+Tab');
  await expect(modelId).toBeFocused();

  const passage = textbox(block, 'Passage');
  await passage.click();
  await key.type('12');
  await expect(passage).toHaveValue('12');
  await key.press('Control+z');
  await expect(passage).toHaveValue('');
  await expect(modelId).toHaveValue('NCI-H69');
  await key.press('Control+Shift+z');
  await expect(passage).toHaveValue('12');
  await expectSaved(page);

  const [stored] = storedBlocks(app.ctx, 'Model H69');
  expect(stored?.values).toMatchObject({ model_id: 'NCI-H69', passage: 12 });
  expect(String(stored?.blockId)).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
});

test('a block folds, duplicates with new ids, and comes back with undo after being deleted', async ({ app }) => {
  const { page } = app;
  await createEntry(page, 'Induction plan');
  const block = await insertBlockBySlash(page, 'T4', /T4 Persister induction/);
  await textbox(block, 'Cells seeded per vessel').fill('2e6');
  await cell(block, 'Treated viable cells', 1).fill('2e6');

  await block.getByRole('button', { name: 'Collapse T4 Persister induction (in vitro)' }).click();
  await expect(textbox(block, 'Cells seeded per vessel')).toHaveCount(0);
  await block.getByRole('button', { name: 'Expand T4 Persister induction (in vitro)' }).click();
  await expect(textbox(block, 'Cells seeded per vessel')).toHaveValue('2e6');

  await block.getByRole('button', { name: 'Duplicate T4 Persister induction (in vitro) block' }).click();
  await expect(page.locator('.pb')).toHaveCount(2);
  await expect(textbox(blockOf(page, 'T4 Persister induction (in vitro)', 1), 'Cells seeded per vessel')).toHaveValue(
    '2e6',
  );
  await expectSaved(page);
  const [first, copy] = storedBlocks(app.ctx, 'Induction plan');
  expect(copy?.blockId).not.toBe(first?.blockId);
  const rowIds = (b: typeof first) =>
    (b?.values as { timepoints: Array<{ rowId: string }> }).timepoints.map((r) => r.rowId);
  expect(rowIds(copy)).toHaveLength(5);
  for (const id of rowIds(copy)) expect(rowIds(first)).not.toContain(id);

  await blockOf(page, 'T4 Persister induction (in vitro)', 1)
    .getByRole('button', { name: 'Delete T4 Persister induction (in vitro) block' })
    .click();
  await expect(page.locator('.pb')).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.pb')).toHaveCount(2);
  await expectSaved(page);
  expect(storedBlocks(app.ctx, 'Induction plan')).toHaveLength(2);
});

test('table cells: arrows move, Enter in the last row adds one, and a row can be removed from the keyboard', async ({
  app,
}) => {
  const { page } = app;
  const key = page.keyboard;
  await createEntry(page, 'Counts');
  const block = await insertBlockBySlash(page, 'persister', /T4 Persister induction/);
  await cell(block, 'Treated viable cells', 1).click();
  await key.type('1e6');
  await key.press('ArrowDown');
  await expect(cell(block, 'Treated viable cells', 2)).toBeFocused();
  await key.type('3.2e5');
  await key.press('ArrowRight');
  await expect(cell(block, 'Vehicle viable cells', 2)).toBeFocused();
  await key.press('ArrowLeft');
  await key.press('ArrowUp');
  await expect(cell(block, 'Treated viable cells', 1)).toBeFocused();
  await key.press('Tab');
  await expect(cell(block, 'Vehicle viable cells', 1)).toBeFocused();

  await cell(block, 'Day', 5).click();
  await key.press('Enter');
  await expect(cell(block, 'Day', 6)).toBeFocused();
  await key.type('14');
  await key.press('Control+Shift+Backspace');
  await expect(cell(block, 'Day', 6)).toHaveCount(0);
  await expect(cell(block, 'Day', 5)).toBeFocused();
  await expect(block.locator('[data-field="timepoints"] tbody tr').nth(1)).toContainText('32 %');
  await expectSaved(page);
});

test('Backspace after a block first selects it; a second Backspace removes it, and typing never replaces it', async ({
  app,
}) => {
  const { page } = app;
  const key = page.keyboard;
  await createEntry(page, 'Careful');
  const block = await insertBlockBySlash(page, 'model', /T1 Model record/);
  await textbox(block, 'Model ID').fill('KEEP-1');
  await editorOf(page).locator('p.rt-p').last().click();
  await key.type('After');
  // At a person's pace: the editor follows the caret through selectionchange events.
  for (let i = 0; i < 'After'.length; i += 1) {
    await key.press('ArrowLeft');
    await page.waitForTimeout(30);
  }

  await key.press('Backspace');
  await expect(page.locator('.protocol-block-host.pb-selected')).toHaveCount(1);
  await key.type('x');
  await expect(page.locator('.pb')).toHaveCount(1);
  await expect(editorOf(page).locator('p.rt-p').last()).toHaveText('After');

  await key.press('Backspace');
  await expect(page.locator('.pb')).toHaveCount(0);
  await expect(editorOf(page).locator('p.rt-p').last()).toHaveText('After');
  await key.press('Control+z');
  await expect(page.locator('.pb')).toHaveCount(1);
  await expect(textbox(blockOf(page, 'T1 Model record'), 'Model ID')).toHaveValue('KEEP-1');
  await expectSaved(page);
});
