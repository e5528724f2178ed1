/**
 * Domain types shared by every layer. Plain data only: these objects cross the
 * IPC boundary and are written into canonical records, so no classes or Dates.
 */

/** A ULID string: sortable by creation time, safe in file names. */
export type Id = string;

/** UTC ISO-8601 timestamp with milliseconds, e.g. 2026-11-26T14:02:11.123Z. */
export type IsoTime = string;

export interface Notebook {
  id: Id;
  name: string;
  createdAt: IsoTime;
  updatedAt: IsoTime;
  archivedAt: IsoTime | null;
  entryCount: number;
}

export type EntryStatus = 'active' | 'trashed';

export interface EntrySummary {
  id: Id;
  notebookId: Id;
  title: string;
  tags: string[];
  author: string;
  createdAt: IsoTime;
  updatedAt: IsoTime;
  deletedAt: IsoTime | null;
  revisionCount: number;
  /** The worst problem in the entry's protocol blocks: the entry list marks 'block'. */
  problemLevel: 'none' | 'warning' | 'block';
}

export interface Entry extends EntrySummary {
  /** Lexical serialized editor state of the working copy (the draft). */
  content: LexicalState;
  /** Increments on every draft save; lets two windows detect each other. */
  draftVersion: number;
  headRevision: RevisionSummary | null;
}

export interface RevisionSummary {
  id: Id;
  entryId: Id;
  seq: number;
  createdAt: IsoTime;
  author: string;
  reason: RevisionReason;
  hash: string;
  prevHash: string | null;
}

export type RevisionReason =
  | 'created'
  | 'checkpoint'
  | 'left-entry'
  | 'interval'
  | 'renamed'
  | 'tagged'
  | 'moved'
  | 'trashed'
  | 'restored'
  | 'concurrent-edit';

export interface SearchHit {
  entryId: Id;
  notebookId: Id;
  notebookName: string;
  title: string;
  /** Text around the match; matched terms are wrapped in \u0002 ... \u0003. */
  snippet: string;
  updatedAt: IsoTime;
}

/** Marks used by search snippets: control characters never typed by users. */
export const SNIPPET_OPEN = '\u0002';
export const SNIPPET_CLOSE = '\u0003';

export interface LexicalNodeJson {
  type: string;
  version?: number;
  children?: LexicalNodeJson[];
  text?: string;
  [key: string]: unknown;
}

export interface LexicalState {
  root: LexicalNodeJson;
}

export interface AppInfo {
  version: string;
  schemaVersion: number;
  profileDir: string;
  user: string;
}

export interface SaveDraftResult {
  draftVersion: number;
  savedAt: IsoTime;
  /** Set when this save also cut a revision (a timed checkpoint). */
  revision: RevisionSummary | null;
}
