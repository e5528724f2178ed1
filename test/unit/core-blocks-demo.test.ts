import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch, openProfile } from '../../electron/core/index';
import type { EntrySummary, Notebook, SearchHit } from '../../shared/domain/types';
import type { Backlink, BlockRef, LineageNode, QueryHit } from '../../shared/templates/summaries';
import { tempProfile } from '../support/temp-profile';

/**
 * A new profile is seeded with the demo experiment (shared/demo): real,
 * linked entries whose blocks are indexed in the first-run transaction. These
 * tests read it through the channels the renderer uses.
 */

const ctx = tempProfile();
const handlers = createHandlers(ctx);
afterAll(() => ctx.cleanup());

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = await dispatch(handlers, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.code}: ${result.message}`);
  return result.data as T;
}

let entries: EntrySummary[];
const entry = (pattern: RegExp): EntrySummary => {
  const found = entries.find((e) => pattern.test(e.title));
  if (!found) throw new Error(`no demo entry matches ${pattern}`);
  return found;
};

beforeAll(async () => {
  entries = await call<EntrySummary[]>('entries.list', {});
});

describe('seeding', () => {
  it('creates the Welcome notebook and the demo notebook with its linked entries, all clean', async () => {
    const notebooks = await call<Notebook[]>('notebooks.list', {});
    expect(notebooks.map((n) => [n.name, n.entryCount])).toEqual([
      ['Demo: NCI-H69 persisters', 10],
      ['Welcome', 1],
    ]);
    const count = (sql: string) => (ctx.db.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM blocks')).toBe(10);
    expect(count('SELECT count(*) AS n FROM block_links WHERE lineage = 1')).toBeGreaterThanOrEqual(4);
    expect(entries.every((e) => e.problemLevel === 'none')).toBe(true);
    expect(count("SELECT count(*) AS n FROM blocks WHERE problem_level <> 'none'")).toBe(0);
  });

  it('seeds once: opening the profile again adds nothing', () => {
    const again = openProfile(ctx.profileDir, { user: 'tester' });
    try {
      expect((again.db.prepare('SELECT count(*) AS n FROM entries').get() as { n: number }).n).toBe(11);
    } finally {
      again.close();
    }
  });
});

describe('lineage.get', () => {
  it('follows parent links from the harvest up to the model record', async () => {
    const harvest = entry(/^Harvest/);
    const chain = await call<LineageNode[]>('lineage.get', { entryId: harvest.id });
    expect(chain.map((n) => n.templateId)).toEqual(['model-record', 'persister-induction', 'sample-harvest']);
    expect(chain[0]).toMatchObject({ label: 'NCI-H69', parents: [] });
    expect(chain[1]?.parents).toEqual([chain[0]?.blockId]);
    expect(chain[2]?.parents).toEqual([chain[1]?.blockId]);
    expect(chain[2]?.entryId).toBe(harvest.id);
  });

  it('goes down from the model record to every descendant, parents first', async () => {
    const model = entry(/^NCI-H69: thaw/);
    const graph = await call<LineageNode[]>('lineage.get', { entryId: model.id });
    const templates = graph.map((n) => n.templateId);
    expect(templates[0]).toBe('model-record');
    expect(new Set(templates)).toEqual(
      new Set(['model-record', 'barcode-transduction', 'persister-induction', 'drug-holiday', 'sample-harvest']),
    );
    // Every node comes after its parents.
    const position = new Map(graph.map((n, i) => [n.blockId, i]));
    for (const [i, node] of graph.entries()) {
      for (const parent of node.parents) expect(position.get(parent)).toBeLessThan(i);
    }
    // The in vivo arm has its own model (CDX-DEMO-01): not in this lineage.
    expect(graph.some((n) => n.templateId === 'pdx-treatment')).toBe(false);
  });

  it('from the drug holiday: its ancestors, and a block id narrows the start', async () => {
    const holiday = entry(/^Drug holiday/);
    const chain = await call<LineageNode[]>('lineage.get', { entryId: holiday.id });
    expect(chain.map((n) => n.templateId)).toEqual(['model-record', 'persister-induction', 'drug-holiday']);
    const blockId = chain[2]?.blockId as string;
    expect(await call<LineageNode[]>('lineage.get', { entryId: holiday.id, blockId })).toEqual(chain);
  });

  it('is empty for an entry without lineage links; unknown entries and foreign blocks are not_found', async () => {
    expect(await call('lineage.get', { entryId: entry(/^Welcome/).id })).toEqual([]);
    expect(await dispatch(handlers, 'lineage.get', { entryId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    const harvestBlock = (await call<LineageNode[]>('lineage.get', { entryId: entry(/^Harvest/).id }))[2]?.blockId;
    expect(
      await dispatch(handlers, 'lineage.get', { entryId: entry(/^Drug holiday/).id, blockId: harvestBlock }),
    ).toMatchObject({ ok: false, code: 'not_found' });
  });
});

describe('blocks.backlinks', () => {
  it('lists the blocks of other entries that link to an entry', async () => {
    const stock = entry(/^Cisplatin stock/);
    const links = await call<Backlink[]>('blocks.backlinks', { entryId: stock.id });
    expect(links.map((l) => [l.fromTemplateId, l.fieldId]).sort()).toEqual([
      ['ic50-plate', 'drug_stock'],
      ['persister-induction', 'treatments.stock'],
    ]);
    expect(links.every((l) => l.toBlockId !== null && l.fromEntryId !== stock.id)).toBe(true);
    expect(await call('blocks.backlinks', { entryId: entry(/^Welcome/).id })).toEqual([]);
    expect(await dispatch(handlers, 'blocks.backlinks', { entryId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });
});

describe('blocks.search', () => {
  it('lists blocks of the given templates for a link picker, filtered by text', async () => {
    const stocks = await call<BlockRef[]>('blocks.search', { templateIds: ['drug-stock'] });
    expect(stocks.map((b) => b.label).sort()).toEqual([
      'cisplatin lot DEMO-CIS-01 3.333 mM',
      'etoposide lot DEMO-ETO-01 50 mM',
    ]);
    expect(stocks[0]).toMatchObject({ templateName: 'Drug / reagent stock', values: expect.any(Object) });
    const cis = await call<BlockRef[]>('blocks.search', { templateIds: ['drug-stock'], q: 'CIS' });
    expect(cis.map((b) => b.values.drug)).toEqual(['cisplatin']);
    // Words may match the label or any indexed text value: "saline" is the solvent.
    const saline = await call<BlockRef[]>('blocks.search', { q: 'saline' });
    expect(saline.map((b) => b.templateId)).toContain('drug-stock');
    expect(await call<BlockRef[]>('blocks.search', { templateIds: [] })).toEqual([]);
    // Words are prefixes ("cis" found cisplatin); FTS syntax typed by a person is plain text.
    expect(await call<BlockRef[]>('blocks.search', { q: 'zzzz' })).toEqual([]);
    const typed = await call<BlockRef[]>('blocks.search', { templateIds: ['drug-stock'], q: '"cis* NEAR(' });
    expect(typed.map((b) => b.values.drug)).toEqual([]);
    const quoted = await call<BlockRef[]>('blocks.search', { templateIds: ['drug-stock'], q: '"cis' });
    expect(quoted.map((b) => b.values.drug)).toEqual(['cisplatin']);
    expect((await call<BlockRef[]>('blocks.search', { limit: 3 })).length).toBe(3);
  });
});

describe('queries and search over the demo', () => {
  it('finds the induction by its persister fraction', async () => {
    const hits = await call<QueryHit[]>('query.run', { expr: 'persister_fraction < 5 % in T4' });
    expect(hits.map((h) => h.entryTitle)).toEqual([entry(/^Persister induction/).title]);
    expect(hits[0]?.matched).toEqual([{ field: 'persister_fraction', display: 'persister_fraction = 1.5 %' }]);
    // The holiday copied the fraction from its parent induction (a link snapshot).
    const all = await call<QueryHit[]>('query.run', { expr: 'persister_fraction < 5 %' });
    expect(all.map((h) => h.templateId).sort()).toEqual(['drug-holiday', 'persister-induction']);
  });

  it('full-text search also finds words of block labels', async () => {
    const hits = await call<SearchHit[]>('search.query', { q: 'DEMO-ETO-01' });
    expect(hits.map((h) => h.title)).toContain(entry(/^Etoposide stock/).title);
  });
});
