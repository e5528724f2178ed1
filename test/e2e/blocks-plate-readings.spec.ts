import { expect, test } from '../support/harness';
import { insertBlockBySlash, output, reopenInNewWindow, skipUnlessCoreHasTemplates, storedBlocks } from './block-steps';
import { createEntry, createNotebook, expectSaved } from './steps';

// Check B of the domain guide (IC50 3.0 µM, Hill 1.3) as raw luminescence: % viability v reads
// BLANK + v / 100 × (VEHICLE − BLANK). Doses 100 / 3^k µM, k = 0 (column 2) … 8 (column 10).
const VIABILITY_HIGH_TO_LOW_DOSE = [5.985, 8.978, 19.6478, 46.0344, 77.2274, 93.3238, 98.3091, 99.5891, 99.9012];
const BLANK = 100;
const VEHICLE = 10_000;

/** The reader's export: column numbers, row letters, tab-separated; empty wells empty. */
function readerExport(): string {
  const header = ['', ...Array.from({ length: 12 }, (_, c) => String(c + 1))].join('\t');
  const rows = 'ABCDEFGH'.split('').map((letter, r) => {
    const cells = Array.from({ length: 12 }, (_, c) => {
      const column = c + 1;
      const replicateRow = r >= 1 && r <= 3;
      if (column === 12) return String(BLANK);
      if (column === 11 && replicateRow) return String(VEHICLE);
      if (column >= 2 && column <= 10 && replicateRow) {
        const viability = VIABILITY_HIGH_TO_LOW_DOSE[column - 2] as number;
        return (BLANK + (viability / 100) * (VEHICLE - BLANK)).toFixed(1);
      }
      return '';
    });
    return [letter, ...cells].join('\t');
  });
  return [header, ...rows].join('\n');
}

test.beforeEach(async ({ app }) => {
  await skipUnlessCoreHasTemplates(app);
  await createNotebook(app.page, 'Plates');
  await createEntry(app.page, 'H69 plate read');
});

test('pasting the plate reader grid fills the wells, fits IC50 3.0 µM from the plate and survives a reload', async ({
  app,
}) => {
  const { page } = app;
  const block = await insertBlockBySlash(page, 'ic50', /T3 IC50 dose-response plate/);
  const plate = block.getByRole('grid', { name: 'Plate map, 96 wells' });
  const well = (id: string) => plate.locator(`[data-well="${id}"]`);

  // Layout: a 9-dose series in B2:D10, vehicle B11:D11, blanks in column 12.
  await well('B2').hover();
  await page.mouse.down();
  await well('D10').hover();
  await page.mouse.up();
  await block.getByRole('button', { name: 'Apply doses to 27 selected wells' }).click();
  await well('B11').click();
  await well('D11').click({ modifiers: ['Shift'] });
  await page.keyboard.press('v');
  await block.getByRole('button', { name: 'Select column 12' }).click();
  await block.getByRole('button', { name: 'Blank', exact: true }).click();
  await expect(well('H12')).toHaveAccessibleName('H12: blank');

  // A bad paste is refused with the wells named, and nothing changes.
  await block.getByRole('button', { name: 'Paste readings…' }).click();
  const paste = block.getByRole('textbox', { name: /Paste the reader’s grid/ });
  await paste.fill(readerExport().replace('\t10000', '\tOVRFLW'));
  await block.getByRole('button', { name: 'Apply readings' }).click();
  await expect(block.getByRole('alert')).toContainText('Not a number in 1 well: B11 (“OVRFLW”)');
  await expect(block.getByText('Readings: none yet')).toBeVisible();

  await paste.fill(readerExport());
  await block.getByRole('button', { name: 'Apply readings' }).click();
  await expect(block.getByText('Readings: 38 wells')).toBeVisible();
  await expect(well('C11')).toHaveAccessibleName('C11: vehicle, reading 10000');
  await expect(well('B2')).toHaveAccessibleName(/^B2: sample, dose 1 \(100 µM\), reading 692\.5/);
  await expect(output(block, 'fit')).toContainText('IC50 3.00 µM');
  await expect(output(block, 'fit')).toContainText('Hill 1.30');

  await block.getByRole('checkbox', { name: 'Show readings in wells' }).check();
  await expect(well('C11')).toHaveText('10K');
  await expectSaved(page);

  const [stored] = storedBlocks(app.ctx, 'H69 plate read');
  const wells = (stored?.values as { plate: { wells: Record<string, { role: string; reading?: number }> } }).plate
    .wells;
  expect(wells.C11).toEqual({ role: 'vehicle', reading: VEHICLE });
  expect(wells.A12).toEqual({ role: 'blank', reading: BLANK });
  expect(Object.values(wells).filter((w) => w.reading !== undefined)).toHaveLength(38);

  const again = await reopenInNewWindow(app, 'Plates', 'H69 plate read');
  const reopened = again.locator('.pb').first();
  await expect(reopened.getByText('Readings: 38 wells')).toBeVisible();
  await expect(output(reopened, 'fit')).toContainText('IC50 3.00 µM');
});
