import { afterEach, describe, expect, it } from 'vitest';
import { indexStats } from '../../electron/core/blocks';
import { documentOf, list, paragraph } from '../../shared/domain/lexical-build';
import type { Entry, EntrySummary, LexicalNodeJson } from '../../shared/domain/types';
import {
  FIXTURE_CULTURE,
  FIXTURE_STOCK,
  blockOf,
  docWith,
  fixedId,
  harness,
  q,
  type Harness,
} from '../support/template-fixtures';

const open: Harness[] = [];
afterEach(() => open.splice(0).forEach((h) => h.ctx.cleanup()));

async function setup() {
  const h = await harness({ seed: false });
  open.push(h);
  return h;
}

type ValueRow = { field: string; row_id: string | null; num: number | null; text: string | null; unit: string | null };

const valuesOf = (h: Harness, blockId: string) =>
  h.ctx.db
    .prepare('SELECT field, row_id, num, text, unit FROM block_values WHERE block_id = ? ORDER BY rowid')
    .all(blockId) as ValueRow[];

const count = (h: Harness, sql: string, ...params: unknown[]) =>
  (h.ctx.db.prepare(sql).get(...params) as { n: number }).n;

describe('indexing protocol blocks on save', () => {
  it('indexes numbers in canonical units and text lower-cased, one row per table cell', async () => {
    const h = await setup();
    const stock = fixedId(1);
    const culture = fixedId(2);
    await h.entry(
      'Stocks and cultures',
      blockOf(stock, FIXTURE_STOCK, {
        drug: 'Cisplatin',
        lot: 'A-12',
        concentration: q(0.015, 'mM'),
        volume: q(45, 'µL'),
        passage: 12,
        viability: q(96, '%'),
        prepared: '2026-11-20',
      }),
      blockOf(culture, FIXTURE_CULTURE, {
        name: 'H69 persisters',
        treatments: [
          { rowId: 'r1', drug: 'cisplatin', dose: q(15, 'µM') },
          { rowId: 'r2', drug: 'Etoposide', dose: q(0.006, 'mM') },
        ],
      }),
    );
    const rows = valuesOf(h, stock);
    const by = (field: string) => rows.filter((r) => r.field === field);
    expect(by('drug')).toEqual([{ field: 'drug', row_id: null, num: null, text: 'cisplatin', unit: null }]);
    expect(by('concentration')[0]).toMatchObject({ num: 15, unit: 'µM' });
    expect(by('volume')[0]?.num).toBeCloseTo(0.045, 12);
    expect(by('volume')[0]?.unit).toBe('mL');
    expect(by('passage')[0]).toMatchObject({ num: 12, unit: null });
    expect(by('viability')[0]).toMatchObject({ num: 96, unit: '%' });
    expect(by('prepared')[0]).toMatchObject({ text: '2026-11-20' });

    const cells = valuesOf(h, culture).filter((r) => r.field.startsWith('treatments.'));
    expect(cells).toEqual([
      { field: 'treatments.drug', row_id: 'r1', num: null, text: 'cisplatin', unit: null },
      { field: 'treatments.dose', row_id: 'r1', num: 15, text: null, unit: 'µM' },
      { field: 'treatments.drug', row_id: 'r2', num: null, text: 'etoposide', unit: null },
      { field: 'treatments.dose', row_id: 'r2', num: 6, text: null, unit: 'µM' },
    ]);
    const block = h.ctx.db
      .prepare('SELECT label, template_version, position FROM blocks WHERE block_id = ?')
      .get(stock);
    expect(block).toEqual({ label: 'Cisplatin lot A-12', template_version: 1, position: 0 });
  });

  it('finds blocks at any depth of the document', async () => {
    const h = await setup();
    const deep = fixedId(3);
    const nested = list('bullet', [['first item']]);
    (nested.children?.[0]?.children as LexicalNodeJson[]).push(blockOf(deep, FIXTURE_STOCK, { drug: 'olaparib' }));
    const entry = await h.call<Entry>('entries.create', {
      notebookId: h.notebookId,
      content: documentOf(paragraph('nested'), nested),
    });
    expect(count(h, 'SELECT count(*) AS n FROM blocks WHERE entry_id = ?', entry.id)).toBe(1);
    expect(valuesOf(h, deep).find((r) => r.field === 'drug')?.text).toBe('olaparib');
  });

  it('deletes the rows of a block removed from the entry', async () => {
    const h = await setup();
    const a = fixedId(10);
    const b = fixedId(11);
    const parent = fixedId(12);
    const pEntry = await h.entry('Parent', blockOf(parent, FIXTURE_CULTURE, { name: 'parental' }));
    const entry = await h.entry(
      'Two blocks',
      blockOf(a, FIXTURE_STOCK, { drug: 'cisplatin' }),
      blockOf(b, FIXTURE_CULTURE, {
        name: 'child',
        parent: { entryId: pEntry, blockId: parent, label: 'parental' },
      }),
    );
    expect(count(h, 'SELECT count(*) AS n FROM block_links WHERE from_block_id = ?', b)).toBe(1);
    await h.save(entry, blockOf(a, FIXTURE_STOCK, { drug: 'cisplatin' }));
    expect(count(h, 'SELECT count(*) AS n FROM blocks WHERE block_id = ?', b)).toBe(0);
    expect(count(h, 'SELECT count(*) AS n FROM block_values WHERE block_id = ?', b)).toBe(0);
    expect(count(h, 'SELECT count(*) AS n FROM block_links WHERE from_block_id = ?', b)).toBe(0);
    expect(count(h, 'SELECT count(*) AS n FROM block_values WHERE block_id = ?', a)).toBeGreaterThan(0);
    await h.save(entry);
    expect(count(h, 'SELECT count(*) AS n FROM blocks WHERE entry_id = ?', entry)).toBe(0);
    expect(count(h, 'SELECT count(*) AS n FROM block_values WHERE entry_id = ?', entry)).toBe(0);
  });

  it('evaluates only blocks whose values changed since the last save', async () => {
    const h = await setup();
    const a = fixedId(20);
    const b = fixedId(21);
    const blockA = (drug: string) => blockOf(a, FIXTURE_STOCK, { drug, concentration: q(10, 'µM') });
    const blockB = blockOf(b, FIXTURE_STOCK, { drug: 'etoposide' });
    const entry = await h.entry('Counted', blockA('cisplatin'), blockB);
    const after = indexStats.evaluations;
    // Text around the blocks changes, the blocks do not: nothing is evaluated.
    for (let i = 0; i < 5; i += 1) {
      await h.call('entries.saveDraft', {
        id: entry,
        content: documentOf(paragraph(`typing ${i}`), blockA('cisplatin'), blockB),
      });
    }
    expect(indexStats.evaluations).toBe(after);
    // Moving a block only updates its position.
    await h.save(entry, blockB, blockA('cisplatin'));
    expect(indexStats.evaluations).toBe(after);
    expect(h.ctx.db.prepare('SELECT position FROM blocks WHERE block_id = ?').get(a)).toEqual({ position: 1 });
    // One block changes: exactly one evaluation.
    await h.save(entry, blockB, blockA('carboplatin'));
    expect(indexStats.evaluations).toBe(after + 1);
    expect(valuesOf(h, a).find((r) => r.field === 'drug')?.text).toBe('carboplatin');
  });

  it('carries the worst problem of the blocks to entries.list, and clears it when fixed', async () => {
    const h = await setup();
    const a = fixedId(30);
    const entry = await h.entry(
      'Too concentrated',
      blockOf(a, FIXTURE_STOCK, { drug: 'x', concentration: q(5, 'mM') }),
    );
    const levelOf = async () =>
      (await h.call<EntrySummary[]>('entries.list', { notebookId: h.notebookId })).find((e) => e.id === entry)
        ?.problemLevel;
    expect(await levelOf()).toBe('block'); // 5000 µM is above the block limit of 1000 µM
    await h.save(entry, blockOf(a, FIXTURE_STOCK, { drug: 'x', concentration: q(0.5, 'mM') }));
    expect(await levelOf()).toBe('warning'); // above the warning limit of 100 µM
    await h.save(entry, blockOf(a, FIXTURE_STOCK, { drug: 'x', concentration: q(50, 'µM') }));
    expect(await levelOf()).toBe('none');
    await h.save(entry, blockOf(a, FIXTURE_STOCK, { concentration: q(50, 'µM') }));
    expect(await levelOf()).toBe('block'); // drug is required: the engine blocks on a missing required value
  });

  it('refuses a malformed block node with invalid_input naming it, and saves nothing', async () => {
    const h = await setup();
    const entry = await h.entry('Fine so far');
    const before = await h.call<Entry>('entries.get', { id: entry });
    const bad = { ...blockOf(fixedId(40), FIXTURE_STOCK, {}), templateVersion: 'one' };
    const result = await h.attempt('entries.saveDraft', { id: entry, content: docWith(bad) });
    expect(result).toMatchObject({ ok: false, code: 'invalid_input' });
    expect((result as { message: string }).message).toMatch(/Protocol block 1 .*templateVersion/);
    const noId = { ...blockOf(fixedId(41), FIXTURE_STOCK, {}), blockId: 'not-a-ulid' };
    expect(await h.attempt('entries.saveDraft', { id: entry, content: docWith(noId) })).toMatchObject({
      ok: false,
      code: 'invalid_input',
      message: expect.stringMatching(/blockId/),
    });
    const after = await h.call<Entry>('entries.get', { id: entry });
    expect(after.draftVersion).toBe(before.draftVersion);
    expect(after.content).toEqual(before.content);
  });

  it('refuses duplicate block ids, within an entry and across entries', async () => {
    const h = await setup();
    const id = fixedId(50);
    const twice = docWith(blockOf(id, FIXTURE_STOCK, { drug: 'a' }), blockOf(id, FIXTURE_STOCK, { drug: 'b' }));
    const within = await h.attempt('entries.create', { notebookId: h.notebookId, content: twice });
    expect(within).toMatchObject({
      ok: false,
      code: 'invalid_input',
      message: expect.stringMatching(/duplicate block id/),
    });
    await h.entry('Owner', blockOf(id, FIXTURE_STOCK, { drug: 'a' }));
    const other = await h.entry('Paste target');
    const pasted = await h.attempt('entries.saveDraft', {
      id: other,
      content: docWith(blockOf(id, FIXTURE_STOCK, { drug: 'a' })),
    });
    expect(pasted).toMatchObject({
      ok: false,
      code: 'invalid_input',
      message: expect.stringMatching(/duplicate block id.*"Owner"/),
    });
    expect(count(h, 'SELECT count(*) AS n FROM blocks WHERE block_id = ?', id)).toBe(1);
  });

  it('checks unique identifiers against other blocks of the template', async () => {
    const h = await setup();
    const first = fixedId(60);
    const second = fixedId(61);
    const model = (blockId: string) =>
      blockOf(blockId, { id: 'model-record', version: 1 } as never, {
        model_id: 'NCI-H69',
        model_type: 'cell-line',
        mycoplasma_date: '2026-11-01',
      });
    await h.entry('First H69', model(first));
    await h.entry('Second H69', model(second));
    const problems = (blockId: string) =>
      JSON.parse(
        (h.ctx.db.prepare('SELECT problems FROM blocks WHERE block_id = ?').get(blockId) as { problems: string })
          .problems,
      ) as Array<{ code: string }>;
    expect(problems(first).map((p) => p.code)).not.toContain('duplicate');
    expect(problems(second).map((p) => p.code)).toContain('duplicate');
  });
});

describe('trash', () => {
  it('leaves blocks of trashed entries out of queries, blocks.search and back-links, and brings them back on restore', async () => {
    const h = await setup();
    const stock = fixedId(70);
    const user = fixedId(71);
    const stockEntry = await h.entry('Stock', blockOf(stock, FIXTURE_STOCK, { drug: 'lurbinectedin' }));
    const userEntry = await h.entry(
      'User',
      blockOf(user, FIXTURE_CULTURE, {
        name: 'treated culture',
        stock: { entryId: stockEntry, blockId: stock, label: 'lurbinectedin', snapshot: { drug: 'lurbinectedin' } },
      }),
    );
    const visible = async () => ({
      query: (await h.call<Array<{ blockId: string }>>('query.run', { expr: 'drug = lurbinectedin' }))
        .map((x) => x.blockId)
        .sort(),
      search: (await h.call<Array<{ blockId: string }>>('blocks.search', { q: 'lurbinectedin' }))
        .map((x) => x.blockId)
        .sort(),
      backlinks: (await h.call<Array<{ fromBlockId: string }>>('blocks.backlinks', { entryId: stockEntry })).map(
        (x) => x.fromBlockId,
      ),
    });
    expect(await visible()).toEqual({ query: [stock, user].sort(), search: [stock, user].sort(), backlinks: [user] });
    await h.call('entries.trash', { id: userEntry });
    expect(await visible()).toEqual({ query: [stock], search: [stock], backlinks: [] });
    await h.call('entries.restore', { id: userEntry });
    expect(await visible()).toEqual({ query: [stock, user].sort(), search: [stock, user].sort(), backlinks: [user] });
  });
});
