import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import type { CoreContext } from '../../electron/core';
import { pdfFileName } from '../../electron/core/pdf/file-names';
import { DEMO_NOTEBOOK } from '../../shared/demo/index';
import type { PersistBridge } from '../../shared/ipc/api';
import { expect, test } from '../support/harness';
import { outlineTitles } from '../support/pdf-outline';
import { entryLink, notebookLink } from './steps';

/**
 * PDF export from the app, in the harness: the page downloads what the core
 * printed (Electron shows a save dialog instead), and the download is read
 * back with poppler's tools and pdf-lib. The worker's PDF Chromium is
 * launched by the first export and shared by the tests of the worker.
 */

const squash = (s: string) => s.replace(/\s+/g, '');

function demoEntries(ctx: CoreContext): Array<{ id: string; title: string }> {
  return ctx.db
    .prepare(
      `SELECT e.id, e.title FROM entries e JOIN notebooks n ON n.id = e.notebook_id
       WHERE n.name = ? AND e.deleted_at IS NULL ORDER BY e.created_at, e.id`,
    )
    .all(DEMO_NOTEBOOK) as Array<{ id: string; title: string }>;
}

async function saveDownload(download: Download): Promise<{ file: string; cleanup: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'persist-pdf-download-'));
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return { file, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Every 'export.progress' event the page receives, kept in the page for the test to read. */
async function recordProgress(page: Page): Promise<() => Promise<Array<{ state: string; done: number }>>> {
  await page.evaluate(() => {
    const seen: unknown[] = [];
    (window as unknown as { __exportEvents: unknown[] }).__exportEvents = seen;
    const bridge = (window as unknown as { persist: PersistBridge }).persist;
    bridge.on('export.progress', (event) => seen.push(event));
  });
  return () =>
    page.evaluate(
      () => (window as unknown as { __exportEvents: Array<{ state: string; done: number }> }).__exportEvents,
    );
}

/** Every value the progress bar shows ("done/total"), seen by a MutationObserver in the page. */
async function recordProgressBar(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __barValues: string[] }).__barValues = seen;
    new MutationObserver((records) => {
      for (const record of records) {
        const bar = record.target as Element;
        if (bar.getAttribute('role') !== 'progressbar') continue;
        const value = `${bar.getAttribute('aria-valuenow')}/${bar.getAttribute('aria-valuemax')}`;
        if (seen.at(-1) !== value) seen.push(value);
      }
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
  return () => page.evaluate(() => (window as unknown as { __barValues: string[] }).__barValues);
}

const exportDialog = (page: Page) => page.getByRole('dialog', { name: 'Export PDF' });

test('the open entry exports to a PDF with its title and IC50, on Letter paper, by keyboard', async ({ app }) => {
  const { page } = app;
  const ic50 = demoEntries(app.ctx).find((e) => e.title.startsWith('72-h cisplatin IC50'));
  if (!ic50) throw new Error('The demo has no IC50 entry.');
  await notebookLink(page, DEMO_NOTEBOOK).click();
  await entryLink(page, ic50.title).click();

  const button = page.getByRole('button', { name: 'Export entry as PDF' });
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = exportDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`Entry: ${ic50.title}`);
  await dialog.getByRole('radio', { name: 'Letter' }).focus();
  await page.keyboard.press('Space');
  await expect(dialog.getByRole('radio', { name: 'Letter' })).toBeChecked();

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).focus();
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(pdfFileName(ic50.title));
  await expect(dialog.getByRole('status')).toHaveText(`Downloaded “${pdfFileName(ic50.title)}”.`);

  const { file, cleanup } = await saveDownload(download);
  try {
    const text = squash(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    expect(text).toContain(squash(ic50.title));
    expect(text).toContain(squash('IC50 3.00 µM'));
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
  } finally {
    cleanup();
  }

  // Escape closes the dialog and gives the page back.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a notebook exports as one combined PDF with a bookmark per entry, with progress', async ({ app }) => {
  const { page } = app;
  const entries = demoEntries(app.ctx);
  const events = await recordProgress(page);
  await page.getByRole('button', { name: `Export notebook ${DEMO_NOTEBOOK} as PDF` }).click();
  const dialog = exportDialog(page);
  await expect(dialog).toContainText(`Notebook: ${DEMO_NOTEBOOK} (${entries.length} entries)`);
  await expect(dialog.getByRole('radio', { name: 'One combined PDF, with a bookmark per entry' })).toBeChecked();

  const barValues = await recordProgressBar(page);
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const bar = dialog.getByRole('progressbar', { name: 'Export progress' });
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(pdfFileName(DEMO_NOTEBOOK));
  await expect(dialog.getByRole('status')).toHaveText(
    `Downloaded “${pdfFileName(DEMO_NOTEBOOK)}”. One PDF with ${entries.length} entries, a bookmark for each.`,
  );
  await expect(bar).toBeHidden();

  // The bar counted the entries up, one at a time.
  expect(await barValues()).toEqual(entries.slice(0, -1).map((_, i) => `${i + 1}/${entries.length}`));
  // Progress came in order, one entry at a time, and ended once.
  const seen = await events();
  expect(seen.map((e) => e.done)).toEqual([...entries.keys(), entries.length]);
  expect(seen.map((e) => e.state)).toEqual([...entries.map(() => 'running'), 'done']);

  const { file, cleanup } = await saveDownload(download);
  try {
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThan(entries.length);
    const doc = await PDFDocument.load(fs.readFileSync(file));
    expect(outlineTitles(doc)).toEqual(entries.map((e) => e.title));
  } finally {
    cleanup();
  }
});

test('Cancel stops a batch between entries: progress stops and no PDF is downloaded', async ({ app }) => {
  const { page } = app;
  const entries = demoEntries(app.ctx);
  const events = await recordProgress(page);
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  await page.getByRole('button', { name: `Export notebook ${DEMO_NOTEBOOK} as PDF` }).click();
  const dialog = exportDialog(page);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const bar = dialog.getByRole('progressbar', { name: 'Export progress' });
  await expect(bar).toHaveAttribute('aria-valuemax', String(entries.length));
  // As soon as the job has an id (the button is enabled then): the batch is far from done.
  await dialog.getByRole('button', { name: 'Cancel export' }).click();

  const outcome = dialog.getByRole('status');
  await expect(outcome).toHaveText(
    new RegExp(`^Export cancelled after (\\d+) of ${entries.length} entries\\. No PDF was saved\\.$`),
  );
  const done = Number(/after (\d+) of/.exec((await outcome.textContent()) ?? '')?.[1]);
  expect(done).toBeLessThan(entries.length);
  const before = await events();
  expect(before[0]).toMatchObject({ state: 'running', done: 0 });
  expect(before.at(-1)).toMatchObject({ state: 'cancelled', done });
  // Nothing moves afterwards: no more progress, no file.
  await page.waitForTimeout(1500);
  expect(await events()).toHaveLength(before.length);
  expect(downloads).toEqual([]);
  await expect(bar).toBeHidden();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('the entries a search finds export as one PDF, in the order of the search', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Export PDF…' }).click();
  const dialog = exportDialog(page);
  await dialog.getByRole('searchbox', { name: 'Entries matching' }).fill('etoposide');
  const hits = await app.host.invoke('search.query', { q: 'etoposide', limit: 200 });
  if (!hits.ok) throw new Error(hits.message);
  const titles = (hits.data as Array<{ title: string }>).map((h) => h.title);
  expect(titles.length).toBeGreaterThan(1);
  await expect(dialog.getByText(`${titles.length} entries match.`)).toBeVisible();

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(pdfFileName('Search “etoposide”'));
  const { file, cleanup } = await saveDownload(download);
  try {
    expect(outlineTitles(await PDFDocument.load(fs.readFileSync(file)))).toEqual(titles);
  } finally {
    cleanup();
  }
});
