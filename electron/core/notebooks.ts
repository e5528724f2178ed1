import type { Notebook } from '../../shared/domain/types';
import { PersistError } from '../../shared/ipc/errors';
import type { CoreContext } from './context';
import { type NotebookRow, toNotebook } from './rows';

const SELECT = `
  SELECT n.*, (SELECT count(*) FROM entries e WHERE e.notebook_id = n.id AND e.deleted_at IS NULL) AS entry_count
  FROM notebooks n`;

export function getNotebook(ctx: CoreContext, id: string): Notebook {
  const row = ctx.db.prepare(`${SELECT} WHERE n.id = ?`).get(id) as NotebookRow | undefined;
  if (!row) throw new PersistError('not_found', 'That notebook does not exist.');
  return toNotebook(row);
}

export function findNotebookByName(ctx: CoreContext, name: string): Notebook | null {
  const row = ctx.db.prepare(`${SELECT} WHERE n.name = ?`).get(name) as NotebookRow | undefined;
  return row ? toNotebook(row) : null;
}

export function listNotebooks(ctx: CoreContext, includeArchived = false): Notebook[] {
  const where = includeArchived ? '' : 'WHERE n.archived_at IS NULL';
  const rows = ctx.db.prepare(`${SELECT} ${where} ORDER BY n.name COLLATE NOCASE`).all() as NotebookRow[];
  return rows.map(toNotebook);
}

function assertNameFree(ctx: CoreContext, name: string, exceptId?: string): void {
  const other = findNotebookByName(ctx, name);
  if (other && other.id !== exceptId) {
    throw new PersistError('conflict', `A notebook named "${other.name}" already exists.`);
  }
}

export function createNotebook(ctx: CoreContext, name: string): Notebook {
  assertNameFree(ctx, name);
  const id = ctx.newId();
  const now = ctx.now();
  ctx.db
    .prepare('INSERT INTO notebooks (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)')
    .run(id, name, now, now);
  return getNotebook(ctx, id);
}

export function renameNotebook(ctx: CoreContext, id: string, name: string): Notebook {
  getNotebook(ctx, id);
  assertNameFree(ctx, name, id);
  ctx.db.prepare('UPDATE notebooks SET name = ?, updated_at = ? WHERE id = ?').run(name, ctx.now(), id);
  return getNotebook(ctx, id);
}

export function setNotebookArchived(ctx: CoreContext, id: string, archived: boolean): Notebook {
  getNotebook(ctx, id);
  const now = ctx.now();
  ctx.db
    .prepare('UPDATE notebooks SET archived_at = ?, updated_at = ? WHERE id = ?')
    .run(archived ? now : null, now, id);
  return getNotebook(ctx, id);
}
