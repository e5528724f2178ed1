/**
 * Numbered schema migrations. The database's user_version is the number of
 * the last one applied; each runs in its own transaction. Never edit a
 * migration that has shipped: add the next one.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'notebooks, entries, drafts, append-only revisions, full-text search',
    sql: `
      CREATE TABLE notebooks (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL COLLATE NOCASE UNIQUE,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        archived_at TEXT
      );

      CREATE TABLE entries (
        id             TEXT PRIMARY KEY,
        notebook_id    TEXT NOT NULL REFERENCES notebooks(id),
        title          TEXT NOT NULL,
        tags           TEXT NOT NULL DEFAULT '[]',
        author         TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        deleted_at     TEXT,
        revision_count INTEGER NOT NULL DEFAULT 0,
        head_hash      TEXT
      );
      CREATE INDEX entries_by_notebook ON entries(notebook_id, deleted_at, updated_at DESC);
      CREATE INDEX entries_by_updated ON entries(deleted_at, updated_at DESC);

      -- The working copy of an entry, saved continuously while typing.
      CREATE TABLE drafts (
        entry_id      TEXT PRIMARY KEY REFERENCES entries(id),
        content       TEXT NOT NULL,
        version       INTEGER NOT NULL,
        saved_at      TEXT NOT NULL,
        -- 1 when the draft holds edits that no revision records yet.
        dirty         INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE revisions (
        id         TEXT PRIMARY KEY,
        entry_id   TEXT NOT NULL REFERENCES entries(id),
        seq        INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        author     TEXT NOT NULL,
        reason     TEXT NOT NULL,
        record     TEXT NOT NULL,
        hash       TEXT NOT NULL,
        prev_hash  TEXT,
        UNIQUE (entry_id, seq)
      );

      CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
      BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
      CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
      BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;

      -- rowid = entries.rowid; holds the current title and draft text.
      CREATE VIRTUAL TABLE entries_fts USING fts5(
        title, body, tags,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
