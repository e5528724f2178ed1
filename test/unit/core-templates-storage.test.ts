import { afterEach, describe, expect, it } from 'vitest';
import { openProfile } from '../../electron/core/index';
import { BUILTIN_TEMPLATES } from '../../shared/templates/builtin/index';
import type { TemplateDefinition } from '../../shared/templates/definition';
import type { EntrySummary } from '../../shared/domain/types';
import type { TemplateSummary } from '../../shared/templates/summaries';
import { FIXTURE_STOCK, blockOf, fixedId, harness, q, type Harness } from '../support/template-fixtures';

const open: Harness[] = [];
afterEach(() => open.splice(0).forEach((h) => h.ctx.cleanup()));

async function setup(options: Parameters<typeof harness>[0] = {}) {
  const h = await harness(options);
  open.push(h);
  return h;
}

const countTemplates = (h: Harness) =>
  (h.ctx.db.prepare('SELECT count(*) AS n FROM templates').get() as { n: number }).n;

describe('built-in templates', () => {
  it('a new profile lists the eight built-ins, latest version each, marked builtin', async () => {
    const h = await setup();
    const list = await h.call<TemplateSummary[]>('templates.list', {});
    const builtins = list.filter((t) => t.builtin);
    expect(builtins.map((t) => t.id).sort()).toEqual(BUILTIN_TEMPLATES.map((t) => t.id).sort());
    expect(builtins.find((t) => t.id === 'persister-induction')).toMatchObject({ code: 'T4', version: 1 });
    // The fixtures imported by the harness are listed too, not as built-ins.
    expect(list.find((t) => t.id === 'fixture-stock')).toMatchObject({ builtin: false, name: 'Fixture stock' });
  });

  it('are installed once: reopening the profile adds nothing', async () => {
    const h = await setup();
    const before = countTemplates(h);
    const again = openProfile(h.ctx.profileDir, { user: 'tester' });
    try {
      expect((again.db.prepare('SELECT count(*) AS n FROM templates').get() as { n: number }).n).toBe(before);
    } finally {
      again.close();
    }
  });

  it('templates.get returns a definition; an unknown id or version is not_found', async () => {
    const h = await setup();
    const t = await h.call<TemplateDefinition>('templates.get', { id: 'drug-stock' });
    expect(t).toMatchObject({ id: 'drug-stock', version: 1, code: 'T2' });
    expect(await h.attempt('templates.get', { id: 'no-such-template' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await h.attempt('templates.get', { id: 'drug-stock', version: 99 })).toMatchObject({
      ok: false,
      code: 'not_found',
      message: expect.stringMatching(/version 99/),
    });
  });
});

describe('templates.import', () => {
  it('refuses an invalid definition with the validator’s message, storing nothing', async () => {
    const h = await setup();
    const before = countTemplates(h);
    const broken = {
      ...FIXTURE_STOCK,
      id: 'broken-one',
      groups: [{ id: 'g', label: 'G', fields: [{ id: 'Bad Id', type: 'text', label: 'x' }] }],
    };
    const result = await h.attempt('templates.import', { definition: broken });
    expect(result).toMatchObject({ ok: false, code: 'invalid_input' });
    expect((result as { message: string }).message).toMatch(/field ids are lower_snake_case/);
    const unknownFn = {
      ...FIXTURE_STOCK,
      id: 'broken-two',
      groups: [
        {
          id: 'g',
          label: 'G',
          fields: [{ id: 'x', type: 'computed', label: 'X', fn: 'noSuchFunction', inputs: {} }],
        },
      ],
    };
    const second = await h.attempt('templates.import', { definition: unknownFn });
    expect(second).toMatchObject({ ok: false, code: 'invalid_input' });
    expect((second as { message: string }).message).toMatch(/noSuchFunction/);
    for (const junk of [null, 'text', 42, [], { id: 'x' }]) {
      expect(await h.attempt('templates.import', { definition: junk })).toMatchObject({
        ok: false,
        code: 'invalid_input',
      });
    }
    expect(countTemplates(h)).toBe(before);
  });

  it('accepts the same definition again, refuses a different one under the same version', async () => {
    const h = await setup();
    const before = countTemplates(h);
    expect(await h.call('templates.import', { definition: FIXTURE_STOCK })).toMatchObject({
      id: 'fixture-stock',
      version: 1,
    });
    const changed = { ...FIXTURE_STOCK, name: 'Fixture stock (renamed)' };
    const result = await h.attempt('templates.import', { definition: changed });
    expect(result).toMatchObject({ ok: false, code: 'conflict', message: expect.stringMatching(/version 2/) });
    expect(countTemplates(h)).toBe(before);
    expect((await h.call<TemplateDefinition>('templates.get', { id: 'fixture-stock' })).name).toBe('Fixture stock');
  });

  it('stores a higher version beside the old one; old entries keep rendering with theirs', async () => {
    const h = await setup();
    const oldBlock = fixedId(1);
    const entry = await h.entry('Old stock', blockOf(oldBlock, FIXTURE_STOCK, { drug: 'cisplatin', lot: 'A1' }));
    const v2: TemplateDefinition = {
      ...FIXTURE_STOCK,
      version: 2,
      name: 'Fixture stock v2',
      label: 'v2: {{drug}}',
    };
    expect(await h.call('templates.import', { definition: v2 })).toMatchObject({ version: 2, builtin: false });
    const list = await h.call<TemplateSummary[]>('templates.list', {});
    expect(list.filter((t) => t.id === 'fixture-stock').map((t) => t.version)).toEqual([2]);
    expect((await h.call<TemplateDefinition>('templates.get', { id: 'fixture-stock' })).version).toBe(2);
    expect((await h.call<TemplateDefinition>('templates.get', { id: 'fixture-stock', version: 1 })).version).toBe(1);

    // The old block still records version 1 and is labelled by it, also after a save.
    await h.save(entry, blockOf(oldBlock, FIXTURE_STOCK, { drug: 'cisplatin', lot: 'A2' }));
    const row = h.ctx.db.prepare('SELECT template_version, label FROM blocks WHERE block_id = ?').get(oldBlock);
    expect(row).toEqual({ template_version: 1, label: 'cisplatin lot A2' });
    // A new block written with version 2 uses it.
    const newBlock = fixedId(2);
    await h.entry('New stock', blockOf(newBlock, v2, { drug: 'etoposide' }));
    expect(h.ctx.db.prepare('SELECT template_version, label FROM blocks WHERE block_id = ?').get(newBlock)).toEqual({
      template_version: 2,
      label: 'v2: etoposide',
    });
  });

  it('a block of a template that is not installed is kept, marked blocking, and indexed once it is imported', async () => {
    const h = await setup();
    const later: TemplateDefinition = { ...FIXTURE_STOCK, id: 'later-stock', name: 'Later stock', code: 'LS' };
    const blockId = fixedId(7);
    const entryId = await h.entry(
      'From another machine',
      blockOf(blockId, later, { drug: 'olaparib', concentration: q(5, 'µM') }),
    );
    const entry = await h.call<{ content: unknown; problemLevel: string }>('entries.get', { id: entryId });
    expect(entry.problemLevel).toBe('block');
    expect(JSON.stringify(entry.content)).toContain('olaparib'); // the content is saved as written
    const block = h.ctx.db.prepare('SELECT problem_level, problems FROM blocks WHERE block_id = ?').get(blockId) as {
      problem_level: string;
      problems: string;
    };
    expect(block.problem_level).toBe('block');
    expect(block.problems).toMatch(/later-stock.*version 1.*not installed/);
    const listed = await h.call<EntrySummary[]>('entries.list', { notebookId: h.notebookId });
    expect(listed.find((e) => e.id === entryId)?.problemLevel).toBe('block');
    expect(await h.call<unknown[]>('query.run', { expr: 'drug = olaparib' })).toEqual([]);

    await h.call('templates.import', { definition: later });
    expect((await h.call<{ problemLevel: string }>('entries.get', { id: entryId })).problemLevel).toBe('none');
    const hits = await h.call<Array<{ blockId: string }>>('query.run', { expr: 'drug = olaparib in LS' });
    expect(hits.map((x) => x.blockId)).toEqual([blockId]);
  });
});
