import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { pdfFileName } from '../../electron/core/pdf/file-names';
import { DEMO_NOTEBOOK } from '../../shared/demo/index';
import { expect, test } from '../support/harness';
import { outlineTitles } from '../support/pdf-outline';
import { entryLink, entryListOf, notebookLink } from './steps';

/**
 * Picking entries in the list (Ctrl/Cmd+click, Shift+click, Ctrl+Space) and
 * exporting just those: the harness page downloads the combined PDF, read
 * back with pdf-lib (bookmarks) and poppler's pdftotext (text).
 */

const squash = (s: string) => s.replace(/\s+/g, '');
const selectionBar = (page: Page) => page.getByRole('group', { name: 'Selected entries' });

/** The demo notebook's entry titles, in the list's order. */
async function openDemoList(page: Page): Promise<string[]> {
  await notebookLink(page, DEMO_NOTEBOOK).click();
  const titles = entryListOf(page).locator('.entry-item-title');
  await expect(titles.first()).toBeVisible();
  const all = await titles.allTextContents();
  expect(all.length).toBeGreaterThan(4);
  return all;
}

test('Ctrl+click picks two entries without opening them, and exactly those export as one PDF', async ({ app }) => {
  const { page } = app;
  const titles = await openDemoList(page);
  const [second, fourth] = [titles[1] as string, titles[3] as string];

  // Picked out of order: the PDF still follows the list.
  await entryLink(page, fourth).click({ modifiers: ['ControlOrMeta'] });
  await entryLink(page, second).click({ modifiers: ['ControlOrMeta'] });
  await expect(selectionBar(page).getByRole('status')).toHaveText('2 selected');
  await expect(entryLink(page, second)).toHaveAccessibleDescription(/^Selected /);
  await expect(entryLink(page, fourth)).toHaveAccessibleDescription(/^Selected /);
  await expect(entryLink(page, titles[0] as string)).not.toHaveAccessibleDescription(/^Selected/);
  // Neither was opened.
  await expect(page.getByRole('textbox', { name: 'Entry title' })).toBeHidden();

  await selectionBar(page).getByRole('button', { name: 'Export PDF…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export PDF' });
  const label = `${DEMO_NOTEBOOK}: 2 selected entries`;
  await expect(dialog).toContainText(label);
  await expect(dialog.getByRole('radio', { name: 'One combined PDF, with a bookmark per entry' })).toBeChecked();

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(pdfFileName(label));
  await expect(dialog.getByRole('status')).toHaveText(
    `Downloaded “${pdfFileName(label)}”. One PDF with 2 entries, a bookmark for each.`,
  );

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'persist-pdf-selection-'));
  try {
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(outlineTitles(await PDFDocument.load(fs.readFileSync(file)))).toEqual([second, fourth]);
    const text = squash(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    expect(text).toContain(squash(second));
    expect(text).toContain(squash(fourth));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  // The selection outlives the dialog, and Escape in the list clears it.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(selectionBar(page)).toBeVisible();
  await entryLink(page, second).focus();
  await page.keyboard.press('Escape');
  await expect(selectionBar(page)).toBeHidden();
  await expect(entryLink(page, second)).not.toHaveAccessibleDescription(/^Selected/);
});

test('Shift+click selects a range, Ctrl+Space toggles by keyboard, a plain click still opens', async ({ app }) => {
  const { page } = app;
  const titles = await openDemoList(page);
  const count = selectionBar(page).getByRole('status');

  await entryLink(page, titles[1] as string).click({ modifiers: ['ControlOrMeta'] });
  await entryLink(page, titles[3] as string).click({ modifiers: ['Shift'] });
  await expect(count).toHaveText('3 selected');

  // Ctrl+Space on the focused entry takes it out again; nothing opens.
  await entryLink(page, titles[2] as string).focus();
  await page.keyboard.press('ControlOrMeta+Space');
  await expect(count).toHaveText('2 selected');
  await expect(entryLink(page, titles[2] as string)).not.toHaveAccessibleDescription(/^Selected/);
  await expect(page.getByRole('textbox', { name: 'Entry title' })).toBeHidden();

  // A plain click opens the entry as always; Clear empties the selection.
  await entryLink(page, titles[0] as string).click();
  await expect(page.getByRole('textbox', { name: 'Entry title' })).toHaveValue(titles[0] as string);
  await expect(count).toHaveText('2 selected');
  await selectionBar(page).getByRole('button', { name: 'Clear' }).click();
  await expect(selectionBar(page)).toBeHidden();

  // Another notebook's list starts with no selection; the Trash has no picking.
  await entryLink(page, titles[1] as string).click({ modifiers: ['ControlOrMeta'] });
  await expect(count).toHaveText('1 selected');
  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trash' })).toBeVisible();
  await expect(selectionBar(page)).toBeHidden();
});
