import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../electron/core/index';
import { createEntry, saveDraft, trashEntry } from '../../electron/core/entries';
import { createNotebook } from '../../electron/core/notebooks';
import { toFtsQuery } from '../../electron/core/search';
import { documentOf, heading, paragraph } from '../../shared/domain/lexical-build';
import { SNIPPET_CLOSE, SNIPPET_OPEN, type SearchHit } from '../../shared/domain/types';
import { tempProfile } from '../support/temp-profile';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function profileWithEntries() {
  const ctx = tempProfile({ seed: false });
  cleanups.push(ctx.cleanup);
  const nb = createNotebook(ctx, 'Persisters');
  const induction = createEntry(ctx, {
    notebookId: nb.id,
    title: 'Cisplatin induction',
    content: documentOf(heading('h1', 'Day 0'), paragraph('Treated NCI-H69 with cisplatin 15 µM and etoposide 6 µM.')),
  });
  const holiday = createEntry(ctx, {
    notebookId: nb.id,
    title: 'Drug holiday',
    content: documentOf(paragraph('Regrowth after withdrawal; counts on day 15.')),
  });
  const search = async (q: string) => {
    const result = await dispatch(createHandlers(ctx), 'search.query', { q });
    if (!result.ok) throw new Error(result.message);
    return result.data as SearchHit[];
  };
  return { ctx, nb, induction, holiday, search };
}

describe('full-text search', () => {
  it('finds words in the body and the title, with marked snippets', async () => {
    const { induction, search } = profileWithEntries();
    const hits = await search('etoposide');
    expect(hits.map((h) => h.entryId)).toEqual([induction.id]);
    expect(hits[0]!.snippet).toContain(`${SNIPPET_OPEN}etoposide${SNIPPET_CLOSE}`);
    expect(hits[0]!.notebookName).toBe('Persisters');
    expect((await search('holiday')).map((h) => h.title)).toEqual(['Drug holiday']);
  });

  it('matches the last word as a prefix, ignoring case and accents', async () => {
    const { induction, search } = profileWithEntries();
    expect((await search('CISPL')).map((h) => h.entryId)).toEqual([induction.id]);
    expect((await search('nci h69')).map((h) => h.entryId)).toEqual([induction.id]);
  });

  it('sees draft edits immediately and drops trashed entries', async () => {
    const { ctx, holiday, search } = profileWithEntries();
    saveDraft(ctx, { id: holiday.id, content: documentOf(paragraph('Re-challenge IC50 4.1 µM, fold shift 1.37')) });
    expect((await search('rechallenge')).length).toBe(0);
    expect((await search('re challenge')).map((h) => h.entryId)).toEqual([holiday.id]);
    expect((await search('withdrawal')).length).toBe(0);
    trashEntry(ctx, holiday.id);
    expect((await search('fold shift')).length).toBe(0);
  });

  it('treats FTS5 syntax in typed text as plain words, never as an error', async () => {
    const { search } = profileWithEntries();
    for (const q of ['"', 'NEAR(', 'cisplatin AND', '*', 'a:b', '(((', '-etoposide', "'; DROP TABLE entries; --"]) {
      await expect(search(q)).resolves.toBeInstanceOf(Array);
    }
    expect(toFtsQuery('  ')).toBeNull();
    expect(toFtsQuery('IC50 "x" OR y')).toBe('"IC50" "x" "OR" "y"*');
  });
});
