import type { Page } from '@playwright/test';
import type { CoreContext } from '../../electron/core';
import type { LexicalState } from '../../shared/domain/types';
import { expect } from '../support/harness';

/** User-level steps shared by the specs; each waits on what a person would see. */

export const editorOf = (page: Page) => page.getByRole('textbox', { name: 'Entry text' });
export const saveStatusOf = (page: Page) => page.getByRole('status', { name: 'Save status' });
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A notebook's link in the sidebar; its name reads "Lab A 3 entries" or "Lab A Archived". */
export const notebookLink = (page: Page, name: string) =>
  page
    .getByRole('navigation', { name: 'Notebooks' })
    .getByRole('button', { name: new RegExp(`^${escapeRegExp(name)} (\\d+ entr|Archived)`) });

export const entryListOf = (page: Page) => page.getByRole('list', { name: /^Entries in / });
export const entryLink = (page: Page, title: string) =>
  entryListOf(page).getByRole('button', { name: title, exact: true });

export async function createNotebook(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New notebook' }).click();
  await page.getByRole('textbox', { name: 'Notebook name' }).fill(name);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** Creates an entry in the selected notebook and names it; leaves the caret in the text. */
export async function createEntry(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'New entry' }).click();
  const titleField = page.getByRole('textbox', { name: 'Entry title' });
  await expect(titleField).toBeFocused();
  await titleField.fill(title);
  await titleField.press('Enter');
  await expect(editorOf(page)).toBeFocused();
  await expect(entryLink(page, title)).toBeVisible();
}

/** Waits until every edit is stored: the header shows "Saved HH:MM". */
export async function expectSaved(page: Page): Promise<void> {
  await expect(saveStatusOf(page)).toHaveText(/^Saved \d\d:\d\d$/);
}

export function entryIdByTitle(ctx: CoreContext, title: string): string {
  const row = ctx.db.prepare('SELECT id FROM entries WHERE title = ?').get(title) as { id: string } | undefined;
  if (!row) throw new Error(`No entry titled ${title}`);
  return row.id;
}

/** The stored working copy of an entry, straight from SQLite. */
export function storedDraft(ctx: CoreContext, entryId: string): LexicalState {
  const row = ctx.db.prepare('SELECT content FROM drafts WHERE entry_id = ?').get(entryId) as { content: string };
  return JSON.parse(row.content) as LexicalState;
}

export function revisionReasons(ctx: CoreContext, entryId: string): string[] {
  const rows = ctx.db.prepare('SELECT reason FROM revisions WHERE entry_id = ? ORDER BY seq').all(entryId) as Array<{
    reason: string;
  }>;
  return rows.map((r) => r.reason);
}
