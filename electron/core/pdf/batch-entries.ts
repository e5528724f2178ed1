import { PersistError } from '../../../shared/ipc/errors';
import type { CoreContext } from '../context';

/** An entry a batch export will print, with the title it is known by now. */
export interface BatchEntry {
  id: string;
  title: string;
}

export type BatchSource = { notebookId: string } | { entryIds: string[] };

/**
 * The entries of a batch export, checked before anything runs: a notebook's
 * entries outside the Trash, oldest first (the order of a lab notebook), or
 * the entries given, in their order (a search's ranking), each once.
 * Returns the combined PDF's default title too.
 */
export function resolveBatch(ctx: CoreContext, source: BatchSource): { entries: BatchEntry[]; title: string } {
  if ('notebookId' in source) {
    const notebook = ctx.db.prepare('SELECT name FROM notebooks WHERE id = ?').get(source.notebookId) as
      { name: string } | undefined;
    if (!notebook) throw new PersistError('not_found', 'That notebook does not exist.');
    const entries = ctx.db
      .prepare('SELECT id, title FROM entries WHERE notebook_id = ? AND deleted_at IS NULL ORDER BY created_at, id')
      .all(source.notebookId) as BatchEntry[];
    if (entries.length === 0) {
      throw new PersistError('invalid_input', `The notebook "${notebook.name}" has no entries to export.`);
    }
    return { entries, title: notebook.name };
  }
  const find = ctx.db.prepare('SELECT id, title FROM entries WHERE id = ?');
  const entries = [...new Set(source.entryIds)].map((id) => {
    const row = find.get(id) as BatchEntry | undefined;
    if (!row) throw new PersistError('not_found', `There is no entry ${id} in this profile.`);
    return row;
  });
  return { entries, title: `${entries.length} Persist ${entries.length === 1 ? 'entry' : 'entries'}` };
}
