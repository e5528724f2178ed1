import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyShare } from '../../electron/core/sync/index';
import { snapshot } from '../unit/sync-support';
import { expect, test } from '../support/harness';

/**
 * The sync panel over a real profile and a real folder: add the folder as a
 * target, see what waits, sync it with progress, find the files on disk;
 * then take the share's marker away, as an unmounted share does.
 */
test('add a shared folder, sync it with progress, and see "not mounted" when it goes away', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  const share = fs.mkdtempSync(path.join(os.tmpdir(), 'persist-e2e-share-'));
  try {
    const entries = (
      app.ctx.db.prepare('SELECT count(*) AS n FROM entries WHERE head_hash IS NOT NULL').get() as {
        n: number;
      }
    ).n;
    expect(entries).toBeGreaterThan(1);

    // Open the panel from the top bar with the keyboard.
    const syncButton = page.getByRole('button', { name: 'Sync', exact: true });
    await syncButton.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('dialog', { name: 'Sync to shared storage' });
    await expect(panel).toBeVisible();
    await expect(panel.getByText('No shared folder is set up yet.')).toBeVisible();

    // A folder that is not there is refused in words, and nothing is created.
    await panel.getByRole('button', { name: 'Add target…' }).click();
    const pathField = panel.getByRole('textbox', { name: 'Full path of the shared folder' });
    await expect(pathField).toBeFocused();
    await pathField.fill(path.join(share, 'not-mounted-yet'));
    await pathField.press('Enter');
    await expect(panel.getByRole('alert')).toContainText('does not exist');
    expect(fs.readdirSync(share)).toEqual([]);

    await pathField.fill(share);
    await panel.getByRole('button', { name: 'Add target', exact: true }).click();
    const card = panel.getByRole('listitem').filter({ hasText: share });
    await expect(card).toBeVisible();
    await expect(card.getByText('Reachable', { exact: true })).toBeVisible();
    await expect(card.getByText(`${entries} entries wait to be synced.`)).toBeVisible();
    await expect(card.getByText('Never synced yet.')).toBeVisible();
    expect(fs.existsSync(path.join(share, '.persist-target.json'))).toBe(true);

    // Sync now: the progress bar shows while records (and their PDFs) land.
    await card.getByRole('button', { name: 'Sync now' }).click();
    const bar = card.getByRole('progressbar');
    await expect(bar).toBeVisible();
    await expect(bar).toHaveAttribute('aria-valuetext', /^Syncing (entries|PDF records): \d+ of \d+$/);
    await expect(card.getByRole('status')).toContainText(`${entries} entries synced`, { timeout: 90_000 });
    await expect(card.getByText('Everything is on the share.')).toBeVisible();
    await expect(card.getByText(/^Last synced today/)).toBeVisible();
    await expect(bar).toHaveCount(0);

    // On disk: one folder per entry with its record.json (and record.pdf), a manifest, and they verify.
    const device = fs.readdirSync(share).find((name) => name.includes('__'))!;
    const manifest = JSON.parse(fs.readFileSync(path.join(share, device, 'manifest.json'), 'utf8')) as {
      entries: Array<{ id: string; files: Array<{ path: string }> }>;
    };
    expect(manifest.entries).toHaveLength(entries);
    for (const entry of manifest.entries) {
      expect(fs.existsSync(path.join(share, device, entry.id, 'record.json'))).toBe(true);
      expect(entry.files.map((f) => f.path)).toContain(`${entry.id}/record.pdf`);
    }
    expect(
      fs
        .readFileSync(path.join(share, device, manifest.entries[0]!.id, 'record.pdf'))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const verified = await verifyShare(share);
    expect(verified.problems).toEqual([]);
    expect(verified.ok).toBe(true);

    // The share goes away (its marker with it): the panel says so, and a sync writes nothing.
    fs.rmSync(path.join(share, '.persist-target.json'));
    const before = snapshot(share);
    await expect(card.getByText('Not mounted', { exact: true })).toBeVisible({ timeout: 10_000 });
    await expect(card.getByText(/not there right now/)).toBeVisible();
    await card.getByRole('button', { name: 'Sync now' }).click();
    await expect(card.getByRole('alert')).toContainText('is not mounted');
    expect(snapshot(share)).toEqual(before);

    // Escape closes the panel and gives the focus back to the button.
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(syncButton).toBeFocused();
  } finally {
    fs.rmSync(share, { recursive: true, force: true });
  }
});
