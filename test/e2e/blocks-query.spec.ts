import { expect, test } from '../support/harness';
import { insertBlockBySlash, output, skipUnlessCoreHasTemplates, textbox } from './block-steps';
import { createEntry, createNotebook, expectSaved } from './steps';

test.beforeEach(async ({ app }) => {
  await skipUnlessCoreHasTemplates(app);
  await createNotebook(app.page, 'Stocks');
});

test('a structured query finds an entry by its block values, and a query that cannot be read is explained', async ({
  app,
}) => {
  const { page } = app;
  await createEntry(page, 'Cisplatin stock E2E');
  const stock = await insertBlockBySlash(page, 'stock', /T2/);
  await textbox(stock, 'Drug / reagent').fill('cisplatin');
  await textbox(stock, 'Lot').fill('E2EQ77');
  await textbox(stock, 'Molecular weight').fill('300.05');
  await textbox(stock, 'Mass weighed').fill('10');
  await textbox(stock, 'Solvent volume').fill('10');
  await stock.getByRole('combobox', { name: 'Solvent', exact: true }).selectOption('saline');
  await expect(output(stock, 'stock_mm')).toHaveText('3.333 mM');
  await expectSaved(page);

  await page.getByRole('button', { name: 'Structured' }).click();
  const query = page.getByRole('searchbox', { name: 'Structured query' });
  await expect(query).toBeFocused();
  await query.fill('drug = cisplatin and lot = E2EQ77 in T2');
  const results = page.getByRole('region', { name: 'Query results' });
  const hit = results.getByRole('button', { name: /Cisplatin stock E2E/ });
  await expect(hit).toBeVisible();
  await expect(hit).toContainText('cisplatin');

  await query.fill('drug = = cisplatin');
  await expect(results.getByRole('alert')).toContainText('This query could not be run:');

  await query.fill('drug = carboplatin and lot = E2EQ77');
  await expect(results).toContainText('No blocks match');

  await query.fill('lot = E2EQ77');
  await results.getByRole('button', { name: /Cisplatin stock E2E/ }).click();
  await expect(page.getByRole('textbox', { name: 'Entry title' })).toHaveValue('Cisplatin stock E2E');
});
