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
  {
    version: 2,
    description: 'templates with versions, indexed protocol blocks, block values and links, entry problem level',
    sql: `
      -- Template definitions (JSON), every version ever used; (id, version) never changes meaning.
      CREATE TABLE templates (
        id         TEXT NOT NULL,
        version    INTEGER NOT NULL,
        name       TEXT NOT NULL,
        code       TEXT,
        definition TEXT NOT NULL,
        builtin    INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        PRIMARY KEY (id, version)
      ) WITHOUT ROWID;

      -- The worst problem of the entry's blocks: 'none', 'warning' or 'block'.
      ALTER TABLE entries ADD COLUMN problem_level TEXT NOT NULL DEFAULT 'none';

      -- The protocol blocks of each entry's current draft (derived from drafts.content on every save).
      CREATE TABLE blocks (
        block_id         TEXT PRIMARY KEY,
        entry_id         TEXT NOT NULL REFERENCES entries(id),
        template_id      TEXT NOT NULL,
        template_version INTEGER NOT NULL,
        position         INTEGER NOT NULL,
        label            TEXT NOT NULL,
        values_json      TEXT NOT NULL,
        problem_level    TEXT NOT NULL DEFAULT 'none',
        problems         TEXT NOT NULL DEFAULT '[]',
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL
      );
      CREATE INDEX blocks_by_entry ON blocks(entry_id, position);
      -- (template_id, rowid): a template's blocks newest first, for link pickers.
      CREATE INDEX blocks_by_template ON blocks(template_id);
      -- A template's blocks by id, newest first, for query scans.
      CREATE INDEX blocks_by_template_block ON blocks(template_id, block_id);

      -- The structured index: one row per indexed value (numbers in their family's
      -- canonical unit, text lower-cased), so "concentration >= 10 uM" is a range scan.
      CREATE TABLE block_values (
        block_id    TEXT NOT NULL,
        entry_id    TEXT NOT NULL,
        template_id TEXT NOT NULL,
        field       TEXT NOT NULL,
        row_id      TEXT,
        num         REAL,
        text        TEXT,
        unit        TEXT
      );
      CREATE INDEX block_values_by_block ON block_values(block_id, field);
      CREATE INDEX block_values_by_num ON block_values(field, num, block_id) WHERE num IS NOT NULL;
      CREATE INDEX block_values_by_text ON block_values(field, text, block_id) WHERE text IS NOT NULL;
      CREATE INDEX block_values_by_template_num ON block_values(template_id, field, num, block_id)
        WHERE num IS NOT NULL;
      CREATE INDEX block_values_by_template_text ON block_values(template_id, field, text, block_id)
        WHERE text IS NOT NULL;

      -- Every field path ever indexed, per template, with its kind ('num' or 'text') and
      -- canonical unit ('' for none): how query field names and units are resolved.
      CREATE TABLE block_fields (
        field       TEXT NOT NULL,
        template_id TEXT NOT NULL,
        kind        TEXT NOT NULL,
        unit        TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (field, template_id, kind, unit)
      ) WITHOUT ROWID;

      -- Links made by link fields: back-links and lineage (lineage = 1 for parent links).
      CREATE TABLE block_links (
        from_block_id TEXT NOT NULL,
        from_entry_id TEXT NOT NULL,
        field_id      TEXT NOT NULL,
        row_id        TEXT,
        to_entry_id   TEXT NOT NULL,
        to_block_id   TEXT,
        lineage       INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX block_links_from ON block_links(from_block_id);
      CREATE INDEX block_links_to_entry ON block_links(to_entry_id);
      CREATE INDEX block_links_to_block ON block_links(to_block_id) WHERE to_block_id IS NOT NULL;

      -- Words of each block's label and text values, for link pickers; rowid = blocks.rowid.
      CREATE VIRTUAL TABLE blocks_fts USING fts5(
        label, body,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
