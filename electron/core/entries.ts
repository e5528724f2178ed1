import type { Entry, EntrySummary, LexicalState, SaveDraftResult } from '../../shared/domain/types';
import { emptyLexicalState } from '../../shared/domain/lexical-schema';
import { plainTextOf } from '../../shared/domain/plain-text';
import { PersistError } from '../../shared/ipc/errors';
import type { CoreContext } from './context';
import { getNotebook } from './notebooks';
import { blockLabelsText, indexEntryBlocks } from './blocks';
import { refreshEntryAttachments } from './attachments/references';
import { cutRevision, headRevision } from './revisions';
import { type EntryRow, toEntrySummary } from './rows';

export const UNTITLED = 'Untitled entry';

function entryRow(ctx: CoreContext, id: string): EntryRow {
  const row = ctx.db.prepare('SELECT rowid, * FROM entries WHERE id = ?').get(id) as EntryRow | undefined;
  if (!row) throw new PersistError('not_found', 'That entry does not exist.');
  return row;
}

function assertEditable(row: EntryRow): void {
  if (row.deleted_at) {
    throw new PersistError('conflict', `"${row.title}" is in the trash. Restore it before editing.`);
  }
  // Entries imported from another notebook (.eln, migration 4) are kept exactly as they came.
  if ((row as EntryRow & { read_only?: number }).read_only === 1) {
    throw new PersistError('forbidden', `"${row.title}" was imported from another notebook and is read-only.`);
  }
}

function indexText(ctx: CoreContext, row: EntryRow, body: string | null): void {
  const current =
    body ??
    (ctx.db.prepare('SELECT body FROM entries_fts WHERE rowid = ?').get(row.rowid) as { body: string } | undefined)
      ?.body ??
    '';
  const tags = (JSON.parse(row.tags) as string[]).join(' ');
  ctx.db.prepare('DELETE FROM entries_fts WHERE rowid = ?').run(row.rowid);
  ctx.db
    .prepare('INSERT INTO entries_fts (rowid, title, body, tags) VALUES (?, ?, ?, ?)')
    .run(row.rowid, row.title, current, tags);
}

/** What full-text search sees of a draft: its text, then the labels of its protocol blocks. */
function searchTextOf(ctx: CoreContext, entryId: string, content: LexicalState): string {
  const labels = blockLabelsText(ctx, entryId);
  const text = plainTextOf(content);
  return labels ? `${text}\n${labels}` : text;
}

export function getEntrySummary(ctx: CoreContext, id: string): EntrySummary {
  return toEntrySummary(entryRow(ctx, id));
}

export function getEntry(ctx: CoreContext, id: string): Entry {
  const row = entryRow(ctx, id);
  const draft = ctx.db.prepare('SELECT content, version FROM drafts WHERE entry_id = ?').get(id) as {
    content: string;
    version: number;
  };
  return {
    ...toEntrySummary(row),
    content: JSON.parse(draft.content) as LexicalState,
    draftVersion: draft.version,
    headRevision: headRevision(ctx, id),
  };
}

export function listEntries(
  ctx: CoreContext,
  options: { notebookId?: string; trashed?: boolean; limit?: number; offset?: number },
): EntrySummary[] {
  const where = [options.trashed ? 'deleted_at IS NOT NULL' : 'deleted_at IS NULL'];
  const params: unknown[] = [];
  if (options.notebookId) {
    where.push('notebook_id = ?');
    params.push(options.notebookId);
  }
  params.push(options.limit ?? 200, options.offset ?? 0);
  const rows = ctx.db
    .prepare(
      `SELECT rowid, * FROM entries WHERE ${where.join(' AND ')} ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?`,
    )
    .all(...params) as EntryRow[];
  return rows.map(toEntrySummary);
}

export function createEntry(
  ctx: CoreContext,
  input: { notebookId: string; title?: string; content?: LexicalState; tags?: string[]; id?: string },
): Entry {
  const notebook = getNotebook(ctx, input.notebookId);
  if (notebook.archivedAt) {
    throw new PersistError('conflict', `The notebook "${notebook.name}" is archived. Unarchive it to add entries.`);
  }
  // `id` is for content made outside the app whose links name the entry (the demo); the contract never passes it.
  const id = input.id ?? ctx.newId();
  const content = input.content ?? emptyLexicalState();
  const title = input.title?.trim() || UNTITLED;
  ctx.db.transaction(() => {
    const now = ctx.now();
    ctx.db
      .prepare(
        `INSERT INTO entries (id, notebook_id, title, tags, author, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, input.notebookId, title, JSON.stringify(input.tags ?? []), ctx.user, now, now);
    ctx.db
      .prepare('INSERT INTO drafts (entry_id, content, version, saved_at, dirty) VALUES (?, ?, 1, ?, 1)')
      .run(id, JSON.stringify(content), now);
    indexEntryBlocks(ctx, id, content);
    refreshEntryAttachments(ctx, id, content);
    indexText(ctx, entryRow(ctx, id), searchTextOf(ctx, id, content));
    cutRevision(ctx, id, 'created');
  })();
  return getEntry(ctx, id);
}

/**
 * Saves the working copy. If another window saved in between (baseVersion is
 * stale), its unrecorded edits are first kept as a revision, so neither
 * window's text is lost. A save after the checkpoint interval also cuts a
 * revision.
 */
export function saveDraft(
  ctx: CoreContext,
  input: { id: string; content: LexicalState; baseVersion?: number },
): SaveDraftResult {
  return ctx.db.transaction((): SaveDraftResult => {
    const row = entryRow(ctx, input.id);
    assertEditable(row);
    const draft = ctx.db.prepare('SELECT content, version, dirty FROM drafts WHERE entry_id = ?').get(input.id) as {
      content: string;
      version: number;
      dirty: number;
    };
    const text = JSON.stringify(input.content);
    const now = ctx.now();
    if (text === draft.content) {
      return { draftVersion: draft.version, savedAt: now, revision: null };
    }
    if (input.baseVersion !== undefined && input.baseVersion !== draft.version && draft.dirty) {
      cutRevision(ctx, input.id, 'concurrent-edit');
    }
    const version = draft.version + 1;
    ctx.db
      .prepare('UPDATE drafts SET content = ?, version = ?, saved_at = ?, dirty = 1 WHERE entry_id = ?')
      .run(text, version, now, input.id);
    ctx.db.prepare('UPDATE entries SET updated_at = ? WHERE id = ?').run(now, input.id);
    indexEntryBlocks(ctx, input.id, input.content);
    refreshEntryAttachments(ctx, input.id, input.content);
    indexText(ctx, row, searchTextOf(ctx, input.id, input.content));
    const last = headRevision(ctx, input.id);
    const due = !last || Date.parse(now) - Date.parse(last.createdAt) >= ctx.checkpointIntervalMs;
    const revision = due ? cutRevision(ctx, input.id, 'interval') : null;
    return { draftVersion: version, savedAt: now, revision };
  })();
}

/** Cuts a revision if the draft has edits no revision records yet. */
export function checkpoint(ctx: CoreContext, id: string, reason: 'checkpoint' | 'left-entry' = 'checkpoint') {
  return ctx.db.transaction(() => {
    entryRow(ctx, id);
    const draft = ctx.db.prepare('SELECT dirty FROM drafts WHERE entry_id = ?').get(id) as { dirty: number };
    return draft.dirty ? cutRevision(ctx, id, reason) : null;
  })();
}

/** Applies a metadata change and records it as a revision, in one transaction. */
function changeMetadata(
  ctx: CoreContext,
  id: string,
  reason: 'renamed' | 'tagged' | 'moved' | 'trashed' | 'restored',
  apply: (row: EntryRow) => boolean,
): EntrySummary {
  ctx.db.transaction(() => {
    const row = entryRow(ctx, id);
    if (!apply(row)) return;
    ctx.db.prepare('UPDATE entries SET updated_at = ? WHERE id = ?').run(ctx.now(), id);
    indexText(ctx, entryRow(ctx, id), null);
    cutRevision(ctx, id, reason);
  })();
  return getEntrySummary(ctx, id);
}

export function renameEntry(ctx: CoreContext, id: string, title: string): EntrySummary {
  const next = title.trim() || UNTITLED;
  return changeMetadata(ctx, id, 'renamed', (row) => {
    assertEditable(row);
    if (row.title === next) return false;
    ctx.db.prepare('UPDATE entries SET title = ? WHERE id = ?').run(next, id);
    return true;
  });
}

export function setEntryTags(ctx: CoreContext, id: string, tags: string[]): EntrySummary {
  // Case-insensitive de-duplication that keeps the first spelling typed.
  const seen = new Set<string>();
  const unique = tags.map((t) => t.trim()).filter((t) => !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
  return changeMetadata(ctx, id, 'tagged', (row) => {
    assertEditable(row);
    const next = JSON.stringify(unique);
    if (row.tags === next) return false;
    ctx.db.prepare('UPDATE entries SET tags = ? WHERE id = ?').run(next, id);
    return true;
  });
}

export function moveEntry(ctx: CoreContext, id: string, notebookId: string): EntrySummary {
  entryRow(ctx, id); // a missing entry is "not found" even when the target is archived
  const target = getNotebook(ctx, notebookId);
  if (target.archivedAt) {
    throw new PersistError(
      'conflict',
      `The notebook "${target.name}" is archived. Unarchive it to move entries into it.`,
    );
  }
  return changeMetadata(ctx, id, 'moved', (row) => {
    assertEditable(row);
    if (row.notebook_id === notebookId) return false;
    ctx.db.prepare('UPDATE entries SET notebook_id = ? WHERE id = ?').run(notebookId, id);
    return true;
  });
}

export function trashEntry(ctx: CoreContext, id: string): EntrySummary {
  return changeMetadata(ctx, id, 'trashed', (row) => {
    if (row.deleted_at) return false;
    ctx.db.prepare('UPDATE entries SET deleted_at = ? WHERE id = ?').run(ctx.now(), id);
    return true;
  });
}

export function restoreEntry(ctx: CoreContext, id: string): EntrySummary {
  return changeMetadata(ctx, id, 'restored', (row) => {
    if (!row.deleted_at) return false;
    ctx.db.prepare('UPDATE entries SET deleted_at = NULL WHERE id = ?').run(id);
    return true;
  });
}
