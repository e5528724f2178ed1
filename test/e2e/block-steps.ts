import type { Locator, Page } from '@playwright/test';
import type { CoreContext } from '../../electron/core';
import type { LexicalNodeJson } from '../../shared/domain/types';
import type { PersistApp } from '../support/harness';
import { expect, test } from '../support/harness';
import { editorOf, entryIdByTitle, entryLink, storedDraft } from './steps';

/** User-level steps for protocol blocks, shared by the blocks-*.spec.ts files. */

/**
 * Skips the calling test while the core does not answer the template
 * channels yet (they are implemented alongside the renderer's blocks).
 */
export async function skipUnlessCoreHasTemplates(app: PersistApp): Promise<void> {
  const answer = await app.host.invoke('templates.list', {});
  const count = answer.ok && Array.isArray(answer.data) ? answer.data.length : 0;
  test.skip(
    count === 0,
    `the core does not serve the built-in protocol templates yet (templates.list: ${answer.ok ? 'empty' : answer.message})`,
  );
}

/** A block in the open entry, by its template code and name ("T4 Persister induction (in vitro)"). */
export const blockOf = (page: Page, name: string | RegExp, nth = 0): Locator =>
  page.getByRole('region', { name: typeof name === 'string' ? `${name} block` : name }).nth(nth);

/** Inserts a block by typing "/" and part of the template's name; returns the new block. */
export async function insertBlockBySlash(page: Page, query: string, optionName: RegExp): Promise<Locator> {
  const before = await page.locator('.pb').count();
  await editorOf(page).focus();
  await page.keyboard.type(`/${query}`);
  const option = page.getByRole('listbox', { name: 'Templates' }).getByRole('option', { name: optionName });
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.locator('.pb')).toHaveCount(before + 1);
  return page.locator('.pb').nth(before);
}

export const textbox = (block: Locator, name: string) => block.getByRole('textbox', { name, exact: true });
export const cell = (block: Locator, column: string, row: number) =>
  block.getByRole('textbox', { name: `${column}, row ${row}`, exact: true });
export const output = (block: Locator, fieldId: string) => block.locator(`[data-field="${fieldId}"] output`).first();

/** Chooses a link target by searching for `query` and clicking the option whose text matches. */
export async function chooseLink(combobox: Locator, query: string, option: RegExp): Promise<void> {
  await combobox.click();
  await combobox.fill(query);
  const listbox = combobox.page().getByRole('listbox', { name: /choices$/ });
  await listbox.getByRole('option', { name: option }).first().click();
}

/** The protocol blocks stored in an entry's working copy, straight from SQLite. */
export function storedBlocks(ctx: CoreContext, title: string): LexicalNodeJson[] {
  const found: LexicalNodeJson[] = [];
  const walk = (node: LexicalNodeJson) => {
    if (node.type === 'protocol-block') found.push(node);
    for (const child of node.children ?? []) walk(child);
  };
  walk(storedDraft(ctx, entryIdByTitle(ctx, title)).root);
  return found;
}

/** Opens the entry in a second window on the same profile (a reload), and returns that page. */
export async function reopenInNewWindow(app: PersistApp, notebook: string, title: string): Promise<Page> {
  const page = await app.newPage();
  await page
    .getByRole('navigation', { name: 'Notebooks' })
    .getByRole('button', { name: new RegExp(`^${notebook} `) })
    .click();
  await entryLink(page, title).click();
  await expect(page.getByRole('textbox', { name: 'Entry title' })).toHaveValue(title);
  return page;
}
