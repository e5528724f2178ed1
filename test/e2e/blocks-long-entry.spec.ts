import type { Page } from '@playwright/test';
import { ulid } from 'ulid';
import { demoExperiment } from '../../shared/demo/index';
import { documentOf, paragraph } from '../../shared/domain/lexical-build';
import type { LexicalNodeJson } from '../../shared/domain/types';
import { expect, type PersistApp, test } from '../support/harness';
import { blockOf, skipUnlessCoreHasTemplates, storedBlocks, textbox } from './block-steps';
import { createEntry, createNotebook, editorOf, entryIdByTitle, entryLink, expectSaved } from './steps';

/**
 * In a long entry only the forms of blocks near the visible part are in the
 * page (renderer/blocks/view/use-block-body-shown.ts); the others are
 * mounted as they come near. These tests check what the scientist sees:
 * every block's header at once, a form wherever a block is on screen, and
 * values and focus that survive a block going out of range and back.
 */

test.beforeEach(async ({ app }) => {
  await skipUnlessCoreHasTemplates(app);
  await createNotebook(app.page, 'Long entries');
});

const TODAY = '2026-11-26';

/** The demo experiment's block of `templateId`, with a fresh block id. */
function demoBlock(templateId: string): LexicalNodeJson {
  const block = demoExperiment(ulid, { today: TODAY, user: 'e2e' })
    .flatMap((entry) => entry.content.root.children ?? [])
    .find((node) => node.type === 'protocol-block' && node.templateId === templateId);
  if (!block) throw new Error(`The demo experiment has no ${templateId} block.`);
  return { ...block, blockId: ulid() };
}

const filler = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) =>
    paragraph(
      `Note ${from + i}: cells were counted on the Countess, medium changed, and the flasks went back into the incubator at 37 °C.`,
    ),
  );

/** A model record at the top, a drug stock far below it and a harvest at the very end. */
async function openLongEntry(app: PersistApp): Promise<void> {
  const { page, ctx } = app;
  await createEntry(page, 'Long protocol');
  await createEntry(page, 'Short note');
  const content = documentOf(
    paragraph('Thawed vial 3 of the H69 bank.'),
    demoBlock('model-record'),
    ...filler(1, 100),
    demoBlock('drug-stock'),
    ...filler(101, 100),
    demoBlock('sample-harvest'),
    paragraph('End of the day.'),
  );
  await app.host.invoke('entries.saveDraft', { id: entryIdByTitle(ctx, 'Long protocol'), content });
  await entryLink(page, 'Long protocol').click();
  await expect(editorOf(page)).toContainText('End of the day.');
}

/** In the page: each block that shows in the editor's visible area, and whether its form is there. */
const blocksOnScreen = (page: Page) =>
  page.evaluate(() => {
    const scroller = document.querySelector('.editor-body');
    if (!scroller) throw new Error('No editor');
    const area = scroller.getBoundingClientRect();
    return [...scroller.querySelectorAll('.protocol-block-host')]
      .filter((host) => {
        const box = host.getBoundingClientRect();
        return box.bottom > area.top && box.top < area.bottom;
      })
      .map((host) => ({
        template: host.getAttribute('data-template'),
        form: (host.shadowRoot ?? host).querySelector('.pb-form') !== null,
      }));
  });

test('every block of a long entry shows its form whenever it is on screen, scrolling down with the wheel', async ({
  app,
}) => {
  const { page } = app;
  await openLongEntry(app);
  // All headers at once, with their names.
  await expect(page.locator('.pb')).toHaveCount(3);
  await expect(blockOf(page, 'T1 Model record')).toBeVisible();
  await expect(textbox(blockOf(page, 'T1 Model record'), 'Model ID')).toHaveValue('NCI-H69');

  const seen = new Set<string>();
  await page.locator('.editor-body').hover();
  for (let step = 0; step < 80; step += 1) {
    for (const block of await blocksOnScreen(page)) {
      expect(block.form, `${block.template} on screen without its form (step ${step})`).toBe(true);
      seen.add(String(block.template));
    }
    const atEnd = await page.evaluate(() => {
      const s = document.querySelector('.editor-body') as HTMLElement;
      return s.scrollTop + s.clientHeight >= s.scrollHeight - 1;
    });
    if (atEnd) break;
    await page.mouse.wheel(0, 500);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }
  expect([...seen].sort()).toEqual(['drug-stock', 'model-record', 'sample-harvest']);
  await expect(textbox(blockOf(page, 'T8 Sample harvest'), 'Sample ID')).toHaveValue('S20261029-H69D12');
});

test('a value typed far down stays when the block goes out of range and comes back, and a focused block stays', async ({
  app,
}) => {
  const { page } = app;
  await openLongEntry(app);
  const stock = blockOf(page, 'T2 Drug / reagent stock');
  const lot = textbox(stock, 'Lot');
  // Playwright scrolls to the block's header; its form is mounted on the way.
  await stock.scrollIntoViewIfNeeded();
  await lot.fill('LOT-42');
  await expectSaved(page);

  // Away to the top, writing there, and back: the form is rebuilt from the entry with the new value.
  await page.locator('.editor-body').evaluate((s) => (s.scrollTop = 0));
  await editorOf(page).getByText('Thawed vial 3 of the H69 bank.').click();
  await expect(stock.locator('.pb-form'), 'far away, the form is not in the page').toHaveCount(0);
  await stock.scrollIntoViewIfNeeded();
  await expect(lot).toHaveValue('LOT-42');

  // Focus inside a block keeps it: scroll far away with the caret in the field, and come back.
  await lot.click();
  await page.keyboard.press('End');
  await page.keyboard.type('b');
  await page.locator('.editor-body').evaluate((s) => (s.scrollTop = s.scrollHeight));
  await page.waitForTimeout(300);
  await expect(lot).toBeFocused();
  await page.keyboard.type('c');
  await expect(lot).toHaveValue('LOT-42bc');
  await expectSaved(page);
  const [, stored] = storedBlocks(app.ctx, 'Long protocol');
  expect(stored?.values).toMatchObject({ lot: 'LOT-42bc' });

  // Once focus has left it, the far block goes; it comes back with its value.
  await editorOf(page).getByText('End of the day.').click();
  await expect(stock.locator('.pb-form')).toHaveCount(0);
  await stock.scrollIntoViewIfNeeded();
  await expect(lot).toHaveValue('LOT-42bc');
});
