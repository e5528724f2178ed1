import { expect, test } from '../support/harness';
import { cell, insertBlockBySlash, output, skipUnlessCoreHasTemplates, storedBlocks, textbox } from './block-steps';
import { createEntry, createNotebook, expectSaved } from './steps';

// Check B of the domain guide: Bottom 5, Top 100, IC50 3.0 µM, Hill 1.3; doses 100/3^k µM.
const RESPONSES_LOW_TO_HIGH = [99.9012, 99.5891, 98.3091, 93.3238, 77.2274, 46.0344, 19.6478, 8.978, 5.985];
const DOSES_LOW_TO_HIGH = Array.from({ length: 9 }, (_, k) => 100 / 3 ** (8 - k));

test.beforeEach(async ({ app }) => {
  await skipUnlessCoreHasTemplates(app);
  await createNotebook(app.page, 'Dose-response');
  await createEntry(app.page, 'H69 cisplatin 72 h');
});

test('a T3 block with the check B responses shows IC50 3.0 µM and the fitted curve', async ({ app }) => {
  const { page } = app;
  const block = await insertBlockBySlash(page, 'ic50', /T3 IC50 dose-response plate/);
  await textbox(block, 'Drug').fill('cisplatin');
  await block.getByRole('button', { name: 'Add row' }).last().click();
  for (const [i, dose] of DOSES_LOW_TO_HIGH.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    await expect(cell(block, 'Dose', i + 1)).toBeFocused();
    await page.keyboard.type(String(Number(dose.toPrecision(6))));
    await cell(block, 'Viability (typed)', i + 1).fill(String(RESPONSES_LOW_TO_HIGH[i]));
    await cell(block, 'Dose', i + 1).focus();
    await page.keyboard.press('End');
  }
  await expect(output(block, 'fit')).toContainText('IC50 3.00 µM');
  await expect(output(block, 'fit')).toContainText('Hill 1.30');
  await expect(output(block, 'ic50')).toHaveText('3 µM');
  await expect(output(block, 'abs_ic50')).toHaveText('3.2533 µM');
  await expect(block.getByRole('figure', { name: 'Dose-response curve' })).toBeVisible();
  await expect(block.getByRole('figure', { name: 'Dose-response curve' }).locator('svg path').first()).toBeVisible();
  await expectSaved(page);
});

test('the plate map: drag a dilution series, mark controls by key and header, and it is stored', async ({ app }) => {
  const { page } = app;
  const block = await insertBlockBySlash(page, 'ic50', /T3 IC50 dose-response plate/);
  const plate = block.getByRole('grid', { name: 'Plate map, 96 wells' });
  const well = (id: string) => plate.locator(`[data-well="${id}"]`);
  await expect(plate.getByRole('gridcell')).toHaveCount(96);

  await well('B2').hover();
  await page.mouse.down();
  await well('D10').hover();
  await page.mouse.up();
  await expect(block.getByText('27 selected', { exact: true })).toBeVisible();
  await block.getByRole('button', { name: 'Apply doses to 27 selected wells' }).click();
  await expect(well('C2')).toHaveAccessibleName('C2: sample, dose 1 (100 µM)');
  await expect(well('C10')).toHaveAccessibleName(/C10: sample, dose 9 \(0\.01524 µM\)/);

  await well('B11').click();
  await well('D11').click({ modifiers: ['Shift'] });
  await page.keyboard.press('v');
  await expect(well('C11')).toHaveAccessibleName('C11: vehicle');
  await block.getByRole('button', { name: 'Select column 12' }).click();
  await block.getByRole('button', { name: 'Blank', exact: true }).click();
  await expect(well('H12')).toHaveAccessibleName('H12: blank');
  await well('E2').click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('k');
  await expect(well('E3')).toHaveAccessibleName('E3: kill control');
  await expect(well('E4')).toHaveAccessibleName('E4: kill control');
  await expect(well('E2')).toHaveAccessibleName('E2: empty');
  await expect(block.locator('.plate-legend')).toContainText('Vehicle3');

  // 384 wells when the format says so; assigned wells stay where they were.
  await block.getByRole('combobox', { name: 'Plate format' }).selectOption('384');
  await expect(block.getByRole('grid', { name: 'Plate map, 384 wells' }).getByRole('gridcell')).toHaveCount(384);
  await expect(
    block.getByRole('grid', { name: 'Plate map, 384 wells' }).locator('[data-well="C11"]'),
  ).toHaveAccessibleName('C11: vehicle');
  await expectSaved(page);

  const [stored] = storedBlocks(app.ctx, 'H69 cisplatin 72 h');
  const plateValue = (stored?.values as { plate: { wells: Record<string, unknown>; series: unknown } }).plate;
  expect(plateValue.wells.B2).toEqual({ role: 'sample', dose: 0, concentration: { value: 100, unit: 'µM' } });
  expect(plateValue.wells.C11).toEqual({ role: 'vehicle' });
  expect(plateValue.series).toEqual({ top: { value: 100, unit: 'µM' }, factor: 3, doses: 9 });
  expect(Object.values(plateValue.wells).filter((w) => (w as { role: string }).role === 'blank')).toHaveLength(8);
});
