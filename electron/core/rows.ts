import type { EntrySummary, Notebook, RevisionReason, RevisionSummary } from '../../shared/domain/types';

/** Row shapes as SQLite returns them, and their mapping to domain objects. */
export interface NotebookRow {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  entry_count: number;
}

export interface EntryRow {
  rowid: number;
  id: string;
  notebook_id: string;
  title: string;
  tags: string;
  author: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  revision_count: number;
  head_hash: string | null;
  /** Added by migration 2; absent before it runs. */
  problem_level?: 'none' | 'warning' | 'block';
}

export interface RevisionRow {
  id: string;
  entry_id: string;
  seq: number;
  created_at: string;
  author: string;
  reason: string;
  record: string;
  hash: string;
  prev_hash: string | null;
}

export function toNotebook(row: NotebookRow): Notebook {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
    entryCount: row.entry_count,
  };
}

export function toEntrySummary(row: EntryRow): EntrySummary {
  return {
    id: row.id,
    notebookId: row.notebook_id,
    title: row.title,
    tags: JSON.parse(row.tags) as string[],
    author: row.author,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    revisionCount: row.revision_count,
    problemLevel: row.problem_level ?? 'none',
  };
}

export function toRevisionSummary(row: RevisionRow): RevisionSummary {
  return {
    id: row.id,
    entryId: row.entry_id,
    seq: row.seq,
    createdAt: row.created_at,
    author: row.author,
    reason: row.reason as RevisionReason,
    hash: row.hash,
    prevHash: row.prev_hash,
  };
}
