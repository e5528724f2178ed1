import { expect, test } from '../support/harness';
import {
  blockOf,
  cell,
  insertBlockBySlash,
  reopenInNewWindow,
  skipUnlessCoreHasTemplates,
  storedBlocks,
  textbox,
} from './block-steps';
import { createEntry, createNotebook, editorOf, expectSaved } from './steps';

test.beforeEach(async ({ app }) => {
  await skipUnlessCoreHasTemplates(app);
  await createNotebook(app.page, 'Robustness');
});

const HUGE = 'Ω≈ç√∫˜µ≤≥÷ 🧫🧪 <script>alert(1)</script> \'"; DROP TABLE entries; -- '.repeat(400);

test('garbage typed or pasted into every kind of field never breaks the editor, and is kept as typed', async ({
  app,
}) => {
  const { page } = app;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await createEntry(page, 'Junk stock');
  await page.keyboard.type('Text before the block.');
  await page.keyboard.press('Enter');
  const stock = await insertBlockBySlash(page, 'stock', /T2/);

  // Letters in a number, a mass where a concentration belongs, a comma decimal, a fraction of a whole number.
  await textbox(stock, 'Molecular weight').fill('three hundred');
  await textbox(stock, 'Solvent volume').fill('1,5');
  await textbox(stock, 'Aliquots').fill('2.5');
  await textbox(stock, 'Freeze-thaw cycles').fill('many');
  await textbox(stock, 'CAS number').fill('not-a-cas 💥');
  await textbox(stock, 'Vendor').fill(HUGE);
  await textbox(stock, 'Mass weighed').fill(HUGE);
  await stock.getByRole('button', { name: 'Add row' }).click();
  await expect(cell(stock, 'For', 1)).toBeFocused();
  const junkRows = ['🧪\t1e999\t-\t"quoted\ttab"\tnot a solvent\textra\tcolumns', '\t\t\t\t', 'x\ty'].join('\r\n');
  await page.evaluate((text) => navigator.clipboard.writeText(text), junkRows);
  await page.keyboard.press('Control+v');
  await expect(stock.locator('[data-field="dilutions"] tbody tr')).toHaveCount(3);
  await cell(stock, 'Working solution (C1)', 3).fill('10 kg');

  await expect(stock.locator('[data-field="mw"] .pb-msg-block')).toBeVisible();
  await expect(stock.locator('[data-field="dilutions"] .pb-messages')).toContainText('mass');
  await expect(stock.getByRole('status', { name: /blocking problem/ })).toBeVisible();
  await expect(textbox(stock, 'Vendor')).toHaveValue(HUGE.slice(0, 200));
  await expect(textbox(stock, 'Mass weighed')).toHaveValue(HUGE.slice(0, 1000));

  // The text around the block is still a working editor.
  await editorOf(page).locator('p.rt-p').last().click();
  await page.keyboard.type('Text after the block.');
  await expectSaved(page);

  const [stored] = storedBlocks(app.ctx, 'Junk stock');
  expect(stored?.values).toMatchObject({
    mw: { raw: 'three hundred' },
    volume: { raw: '1,5' },
    aliquots: { raw: '2.5' },
    freeze_thaw: { raw: 'many' },
    cas: 'not-a-cas 💥',
  });

  const again = await reopenInNewWindow(app, 'Robustness', 'Junk stock');
  const reopened = blockOf(again, 'T2 Drug / reagent stock');
  await expect(textbox(reopened, 'Molecular weight')).toHaveValue('three hundred');
  await expect(textbox(reopened, 'Solvent volume')).toHaveValue('1,5');
  await expect(textbox(reopened, 'Aliquots')).toHaveValue('2.5');
  await expect(textbox(reopened, 'Freeze-thaw cycles')).toHaveValue('many');
  await expect(textbox(reopened, 'CAS number')).toHaveValue('not-a-cas 💥');
  await expect(textbox(reopened, 'Mass weighed')).toHaveValue(HUGE.slice(0, 1000));
  await expect(cell(reopened, 'Working solution (C1)', 1)).toHaveValue('1e999');
  await expect(cell(reopened, 'For', 1)).toHaveValue('🧪');
  await expect(cell(reopened, 'Final volume (V2)', 1)).toHaveValue('quoted\ttab');
  await expect(cell(reopened, 'For', 3)).toHaveValue('x');
  await expect(cell(reopened, 'Working solution (C1)', 3)).toHaveValue('10 kg');
  await expect(editorOf(again)).toContainText('Text before the block.');
  await expect(editorOf(again)).toContainText('Text after the block.');
});

test('a block whose stored values are the wrong shape still opens, shows the problems and keeps the values', async ({
  app,
}) => {
  const { page } = app;
  await createEntry(page, 'Hand-edited');
  const block = await insertBlockBySlash(page, 'persister', /T4 Persister induction/);
  await expect(block).toBeVisible();
  await expectSaved(page);
  // An import or an old version could store anything: corrupt the stored values directly.
  const id = app.ctx.db.prepare('SELECT id FROM entries WHERE title = ?').get('Hand-edited') as { id: string };
  const row = app.ctx.db.prepare('SELECT content FROM drafts WHERE entry_id = ?').get(id.id) as { content: string };
  const content = JSON.parse(row.content) as { root: { children: Array<Record<string, unknown>> } };
  const node = content.root.children.find((c) => c.type === 'protocol-block') as { values: Record<string, unknown> };
  node.values = {
    seeded_cells: 'a lot',
    medium_volume: { value: 'ten', unit: 42 },
    timepoints: 'not a table',
    treatments: [{ rowId: 'r1', multiple: { raw: 'five' } }, null, 7],
    vessel: ['T25'],
    day0_date: 12,
    model: { entryId: 5 },
  };
  await app.host.invoke('entries.saveDraft', { id: id.id, content });

  const again = await reopenInNewWindow(app, 'Robustness', 'Hand-edited');
  const reopened = blockOf(again, 'T4 Persister induction (in vitro)');
  await expect(reopened.getByRole('status', { name: /blocking problem/ })).toBeVisible();
  await expect(textbox(reopened, 'Cells seeded per vessel')).toHaveValue('a lot');
  await expect(cell(reopened, 'Multiple of IC50', 1)).toHaveValue('five');
  await textbox(reopened, 'Cells seeded per vessel').fill('1e6');
  await expectSaved(again);
});
