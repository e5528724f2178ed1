import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../support/harness';
import {
  blockOf,
  cell,
  chooseLink,
  insertBlockBySlash,
  output,
  reopenInNewWindow,
  skipUnlessCoreHasTemplates,
  storedBlocks,
  textbox,
} from './block-steps';
import { createEntry, createNotebook, expectSaved } from './steps';

// The demo experiment of the domain guide: NCI-H69, cisplatin 1 mg/mL in saline (3.333 mM),
// IC50 3.0 µM (check B), induction at 5x IC50 = 15 µM, 45 µL of stock into 10 mL.
const CHECK_B_RESPONSES = [99.9012, 99.5891, 98.3091, 93.3238, 77.2274, 46.0344, 19.6478, 8.978, 5.985];
const CHECK_B_DOSES = Array.from({ length: 9 }, (_, k) => 100 / 3 ** (8 - k));
const COUNTS: Array<[number, string, string]> = [
  [0, '1.00e6', '1.00e6'],
  [3, '3.2e5', '2.0e6'],
  [6, '6.1e4', '3.9e6'],
  [9, '1.8e4', '7.6e6'],
  [12, '1.5e4', '1.45e7'],
];

/** "1.00e6" reads back as "1e6", "3.2e5" as 320000: the stored number, written the way the box writes it. */
const asTyped = (text: string) => {
  const n = Number(text);
  return n >= 1e6 ? n.toExponential().replace('e+', 'e') : String(n);
};

test.beforeEach(async ({ app }) => {
  await skipUnlessCoreHasTemplates(app);
  await createNotebook(app.page, 'Persisters');
});

async function fillCisplatinStock(page: Page): Promise<Locator> {
  await createEntry(page, 'Cisplatin stock');
  const stock = await insertBlockBySlash(page, 'stock', /T2/);
  await textbox(stock, 'Drug / reagent').fill('cisplatin');
  await stock.getByRole('combobox', { name: 'Class' }).selectOption('platinum');
  await textbox(stock, 'Lot').fill('E2E-CIS-1');
  await textbox(stock, 'Molecular weight').fill('300.05');
  await textbox(stock, 'Mass weighed').fill('10');
  await textbox(stock, 'Solvent volume').fill('10');
  await stock.getByRole('combobox', { name: 'Solvent', exact: true }).selectOption('saline');
  await expect(output(stock, 'stock_mm')).toHaveText('3.333 mM');
  return stock;
}

test('a T4 block filled with the demo experiment computes 45 µL and a persister fraction of 1.5 %, and keeps every value', async ({
  app,
}) => {
  const { page } = app;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);

  // The stock the induction uses: 1 mg/mL cisplatin (MW 300.05) is 3.333 mM.
  await createEntry(page, 'Cisplatin stock 3.333 mM');
  const stock = await insertBlockBySlash(page, 'drug', /T2/);
  await textbox(stock, 'Drug / reagent').fill('cisplatin');
  await stock.getByRole('combobox', { name: 'Class' }).selectOption('platinum');
  await textbox(stock, 'Lot').fill('E2E-CIS-1');
  await textbox(stock, 'Molecular weight').fill('300.05');
  await textbox(stock, 'Mass weighed').fill('10');
  await textbox(stock, 'Solvent volume').fill('10');
  await stock.getByRole('combobox', { name: 'Solvent', exact: true }).selectOption('saline');
  await expect(output(stock, 'stock_mm')).toHaveText('3.333 mM');
  await expectSaved(page);

  // Its IC50: check B pasted from a spreadsheet into the responses table.
  await createEntry(page, 'Cisplatin IC50 72 h');
  const plate = await insertBlockBySlash(page, 'ic50', /T3/);
  await textbox(plate, 'Drug').fill('cisplatin');
  await plate.getByRole('button', { name: 'Add row' }).last().click();
  await expect(cell(plate, 'Dose', 1)).toBeFocused();
  const rows = CHECK_B_DOSES.map((dose, i) => `${dose}\t\t\t${CHECK_B_RESPONSES[i]}`).join('\n');
  await page.evaluate((text) => navigator.clipboard.writeText(text), rows);
  await page.keyboard.press('Control+v');
  await expect(plate.locator('[data-field="responses"] tbody tr')).toHaveCount(9);
  await expect(output(plate, 'fit')).toContainText('IC50 3.00 µM');
  await expectSaved(page);

  // The induction, inserted with "/" and linked to both.
  await createEntry(page, 'H69 cisplatin persisters');
  const t4 = await insertBlockBySlash(page, 'persister', /T4 Persister induction/);
  await expect(t4.getByRole('heading', { name: 'Persister induction (in vitro)' })).toBeVisible();
  await chooseLink(t4.getByRole('combobox', { name: 'Drug stock, row 1' }), 'E2E-CIS', /cisplatin/i);
  await chooseLink(t4.getByRole('combobox', { name: 'IC50 entry, row 1' }), 'cisplatin', /Cisplatin IC50 72 h/);
  await expect(cell(t4, 'Multiple of IC50', 1)).toHaveValue('5');
  const treatments = t4.locator('[data-field="treatments"]');
  await expect(treatments.locator('tbody tr').first()).toContainText('15 µM');
  await expect(treatments.locator('tbody tr').first()).toContainText('45 µL');

  await textbox(t4, 'Medium volume').fill('10');
  await textbox(t4, 'Cells seeded per vessel').fill('1e6');
  for (const [i, [day, treated, vehicle]] of COUNTS.entries()) {
    await expect(cell(t4, 'Day', i + 1)).toHaveValue(String(day));
    await cell(t4, 'Treated viable cells', i + 1).fill(treated);
    await cell(t4, 'Vehicle viable cells', i + 1).fill(vehicle);
  }
  await expect(output(t4, 'persister_fraction')).toHaveText('1.5 %');
  await expect(output(t4, 'plateau')).toContainText('plateau');
  await expect(t4.getByRole('figure', { name: 'Viable cells over time' })).toBeVisible();
  await expectSaved(page);

  const [stored] = storedBlocks(app.ctx, 'H69 cisplatin persisters');
  expect(stored).toMatchObject({ type: 'protocol-block', templateId: 'persister-induction', templateVersion: 1 });
  expect(stored?.values).toMatchObject({ seeded_cells: { value: 1e6, unit: 'cells' } });

  // A second window on the same profile shows every value as it was typed.
  const again = await reopenInNewWindow(app, 'Persisters', 'H69 cisplatin persisters');
  const reopened = blockOf(again, 'T4 Persister induction (in vitro)');
  await expect(textbox(reopened, 'Cells seeded per vessel')).toHaveValue('1e6');
  await expect(textbox(reopened, 'Medium volume')).toHaveValue('10');
  for (const [i, [day, treated, vehicle]] of COUNTS.entries()) {
    await expect(cell(reopened, 'Day', i + 1)).toHaveValue(String(day));
    // Counts come back as the same numbers, in the e-notation they were typed in.
    await expect(cell(reopened, 'Treated viable cells', i + 1)).toHaveValue(asTyped(treated));
    await expect(cell(reopened, 'Vehicle viable cells', i + 1)).toHaveValue(asTyped(vehicle));
  }
  await expect(reopened.locator('[data-field="treatments"]')).toContainText('E2E-CIS-1');
  await expect(output(reopened, 'persister_fraction')).toHaveText('1.5 %');
  await expect(reopened.locator('[data-field="treatments"] tbody tr').first()).toContainText('45 µL');

  // A structured query over block values finds the induction by the stock it used.
  await again.getByRole('button', { name: 'Structured' }).click();
  await again
    .getByRole('searchbox', { name: 'Structured query' })
    .fill('lot = "E2E-CIS-1" and seeded_cells >= 1e5 cells in T4');
  const hit = again
    .getByRole('region', { name: 'Query results' })
    .getByRole('button', { name: /H69 cisplatin persisters/ });
  await expect(hit).toBeVisible();
  await expect(hit).toContainText(/lot = E2E-CIS-1/i);
});

test('cisplatin dissolved in DMSO is blocked in words, and the entry list marks the entry', async ({ app }) => {
  const { page } = app;
  const stock = await fillCisplatinStock(page);
  await expect(stock.getByText('Checks pass')).toBeVisible();

  await stock.getByRole('combobox', { name: 'Solvent', exact: true }).selectOption('DMSO');
  const message = stock.locator('[data-field="solvent"] .pb-msg-block');
  await expect(message).toContainText('Blocking:');
  await expect(message).toContainText('Platinum drugs are inactivated by DMSO');
  await expect(stock.getByRole('status', { name: '1 blocking problem' })).toBeVisible();
  const item = page
    .getByRole('list', { name: /^Entries in / })
    .getByRole('button', { name: 'Cisplatin stock', exact: true });
  await expect(item).toHaveAccessibleDescription(/has blocking problems/);
  await expectSaved(page);

  // The core agrees: after a reload the marker comes from the stored entry.
  const again = await reopenInNewWindow(app, 'Persisters', 'Cisplatin stock');
  await expect(
    again.getByRole('list', { name: /^Entries in / }).getByRole('button', { name: 'Cisplatin stock', exact: true }),
  ).toHaveAccessibleDescription(/has blocking problems/);
  const reopened = blockOf(again, 'T2 Drug / reagent stock');
  await reopened.getByRole('combobox', { name: 'Solvent', exact: true }).selectOption('saline');
  await expect(reopened.locator('.pb-msg-block')).toHaveCount(0);
  await expect(
    again.getByRole('list', { name: /^Entries in / }).getByRole('button', { name: 'Cisplatin stock', exact: true }),
  ).not.toHaveAccessibleDescription(/has blocking problems/);
});
