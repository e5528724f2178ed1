import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers, dispatch, verifyChains } from '../../electron/core/index';
import type { Handlers } from '../../electron/core/index';
import { documentOf, paragraph } from '../../shared/domain/lexical-build';
import type { Entry, Notebook, RevisionSummary, SaveDraftResult } from '../../shared/domain/types';
import { manualClock, tempProfile } from '../support/temp-profile';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function setup(options: Parameters<typeof tempProfile>[0] = {}) {
  const ctx = tempProfile(options);
  cleanups.push(ctx.cleanup);
  const handlers = createHandlers(ctx);
  /** Calls a channel like the renderer would, failing the test on an error result. */
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await dispatch(handlers as Handlers, channel, input);
    if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
    return result.data as T;
  };
  const attempt = (channel: string, input: unknown) => dispatch(handlers as Handlers, channel, input);
  return { ctx, call, attempt };
}

const doc = (s: string) => documentOf(paragraph(s));

describe('notebooks', () => {
  it('creates, renames and archives, refusing duplicate names whatever the case', async () => {
    const { call, attempt } = setup();
    const nb = await call<Notebook>('notebooks.create', { name: '  SCLC persisters  ' });
    expect(nb.name).toBe('SCLC persisters');
    expect(await attempt('notebooks.create', { name: 'sclc PERSISTERS' })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    const renamed = await call<Notebook>('notebooks.rename', { id: nb.id, name: 'NCI-H69 persisters' });
    expect(renamed.name).toBe('NCI-H69 persisters');
    await call('notebooks.setArchived', { id: nb.id, archived: true });
    const visible = await call<Notebook[]>('notebooks.list', {});
    expect(visible.map((n) => n.name)).toEqual(['Demo: NCI-H69 persisters', 'Welcome']);
    const all = await call<Notebook[]>('notebooks.list', { includeArchived: true });
    expect(all.find((n) => n.id === nb.id)?.archivedAt).not.toBeNull();
    expect(await attempt('entries.create', { notebookId: nb.id })).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('rejects empty and control-character names with invalid_input', async () => {
    const { attempt } = setup();
    expect(await attempt('notebooks.create', { name: '   ' })).toMatchObject({ ok: false, code: 'invalid_input' });
    expect(await attempt('notebooks.create', { name: 'a\u0000b' })).toMatchObject({ ok: false, code: 'invalid_input' });
  });
});

describe('entries', () => {
  it('creates an entry with a first revision and an empty draft', async () => {
    const { call } = setup();
    const nb = await call<Notebook>('notebooks.create', { name: 'Lab' });
    const entry = await call<Entry>('entries.create', { notebookId: nb.id, title: 'Day 0 seeding' });
    expect(entry).toMatchObject({ title: 'Day 0 seeding', revisionCount: 1, draftVersion: 1, author: 'tester' });
    expect(entry.headRevision).toMatchObject({ seq: 1, reason: 'created', prevHash: null });
    const untitled = await call<Entry>('entries.create', { notebookId: nb.id });
    expect(untitled.title).toBe('Untitled entry');
  });

  it('autosaves drafts without cutting revisions, then cuts one at a checkpoint', async () => {
    const { ctx, call } = setup();
    const nb = await call<Notebook>('notebooks.create', { name: 'Lab' });
    const entry = await call<Entry>('entries.create', { notebookId: nb.id });
    let version = entry.draftVersion;
    for (const text of ['Seed', 'Seeded 1e6', 'Seeded 1e6 NCI-H69 cells']) {
      const saved = await call<SaveDraftResult>('entries.saveDraft', {
        id: entry.id,
        content: doc(text),
        baseVersion: version,
      });
      expect(saved.revision).toBeNull();
      version = saved.draftVersion;
    }
    expect(version).toBe(4);
    const rev = await call<RevisionSummary>('entries.checkpoint', { id: entry.id, reason: 'left-entry' });
    expect(rev).toMatchObject({ seq: 2, reason: 'left-entry', prevHash: entry.headRevision?.hash });
    expect(await call('entries.checkpoint', { id: entry.id })).toBeNull();
    const got = await call<Entry>('entries.get', { id: entry.id });
    expect(got.content).toEqual(doc('Seeded 1e6 NCI-H69 cells'));
    const stored = ctx.db.prepare('SELECT record FROM revisions WHERE entry_id = ? AND seq = 2').get(entry.id) as {
      record: string;
    };
    expect(JSON.parse(stored.record).content).toEqual(doc('Seeded 1e6 NCI-H69 cells'));
  });

  it('cuts a revision on save once the checkpoint interval has passed', async () => {
    const clock = manualClock();
    const { call } = setup({ now: clock.now, checkpointIntervalMs: 5 * 60_000 });
    const nb = await call<Notebook>('notebooks.create', { name: 'Lab' });
    const entry = await call<Entry>('entries.create', { notebookId: nb.id });
    clock.advance(60_000);
    expect((await call<SaveDraftResult>('entries.saveDraft', { id: entry.id, content: doc('a') })).revision).toBeNull();
    clock.advance(5 * 60_000);
    const due = await call<SaveDraftResult>('entries.saveDraft', { id: entry.id, content: doc('ab') });
    expect(due.revision).toMatchObject({ seq: 2, reason: 'interval' });
  });

  it("keeps the other window's unrecorded text as a revision when two windows save the same entry", async () => {
    const { ctx, call } = setup();
    const nb = await call<Notebook>('notebooks.create', { name: 'Lab' });
    const entry = await call<Entry>('entries.create', { notebookId: nb.id });
    const a = await call<SaveDraftResult>('entries.saveDraft', {
      id: entry.id,
      content: doc('window A text'),
      baseVersion: 1,
    });
    expect(a.draftVersion).toBe(2);
    // Window B still believes the draft is at version 1.
    const b = await call<SaveDraftResult>('entries.saveDraft', {
      id: entry.id,
      content: doc('window B text'),
      baseVersion: 1,
    });
    expect(b.draftVersion).toBe(3);
    const records = ctx.db
      .prepare('SELECT reason, record FROM revisions WHERE entry_id = ? ORDER BY seq')
      .all(entry.id) as Array<{ reason: string; record: string }>;
    expect(records.map((r) => r.reason)).toEqual(['created', 'concurrent-edit']);
    expect(records[1]!.record).toContain('window A text');
    expect((await call<Entry>('entries.get', { id: entry.id })).content).toEqual(doc('window B text'));
  });

  it('records rename, tags, move, trash and restore as revisions and keeps the chain intact', async () => {
    const { ctx, call, attempt } = setup();
    const lab = await call<Notebook>('notebooks.create', { name: 'Lab' });
    const other = await call<Notebook>('notebooks.create', { name: 'Other' });
    const entry = await call<Entry>('entries.create', { notebookId: lab.id });
    await call('entries.rename', { id: entry.id, title: 'Cisplatin IC50' });
    await call('entries.rename', { id: entry.id, title: 'Cisplatin IC50' }); // unchanged: no revision
    await call('entries.setTags', { id: entry.id, tags: ['IC50', 'ic50', 'NCI-H69'] });
    await call('entries.move', { id: entry.id, notebookId: other.id });
    await call('entries.trash', { id: entry.id });
    expect(await attempt('entries.saveDraft', { id: entry.id, content: doc('x') })).toMatchObject({
      ok: false,
      code: 'conflict',
    });
    expect((await call<unknown[]>('entries.list', { notebookId: other.id })).length).toBe(0);
    expect((await call<Array<{ id: string }>>('entries.list', { trashed: true })).map((e) => e.id)).toContain(entry.id);
    await call('entries.restore', { id: entry.id });
    const revisions = await call<RevisionSummary[]>('entries.revisions', { id: entry.id });
    expect(revisions.map((r) => r.reason)).toEqual(['created', 'renamed', 'tagged', 'moved', 'trashed', 'restored']);
    const got = await call<Entry>('entries.get', { id: entry.id });
    expect(got).toMatchObject({
      title: 'Cisplatin IC50',
      tags: ['IC50', 'NCI-H69'],
      notebookId: other.id,
      deletedAt: null,
    });
    expect(verifyChains(ctx).broken).toEqual([]);
  });

  it('answers not_found for well-formed ids that do not exist', async () => {
    const { attempt } = setup();
    expect(await attempt('entries.get', { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await attempt('entries.create', { notebookId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
  });
});
