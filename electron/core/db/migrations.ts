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
  {
    version: 3,
    description: 'attachments (content-addressed files) and the attachments each entry uses',
    sql: `
      -- One row per stored file; the bytes are <profile>/attachments/<first 2 hex>/<sha256>.
      -- name is the name the bytes were first stored under; width/height are read from image headers.
      CREATE TABLE attachments (
        sha256     TEXT PRIMARY KEY,
        size       INTEGER NOT NULL,
        mime       TEXT NOT NULL,
        name       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        width      INTEGER,
        height     INTEGER
      ) WITHOUT ROWID;
      -- Nothing is ever lost: an old revision may still show an attachment no draft uses.
      CREATE TRIGGER attachments_no_delete BEFORE DELETE ON attachments
      BEGIN SELECT RAISE(ABORT, 'attachments are never deleted'); END;

      -- The attachments each entry's current draft references (derived on every save).
      -- No foreign key to attachments: synced content may name bytes that have not arrived yet.
      CREATE TABLE entry_attachments (
        entry_id TEXT NOT NULL REFERENCES entries(id),
        sha256   TEXT NOT NULL,
        PRIMARY KEY (entry_id, sha256)
      ) WITHOUT ROWID;
      CREATE INDEX entry_attachments_by_sha ON entry_attachments(sha256);
    `,
  },
  {
    version: 4,
    description: 'sync targets and per-(entry, target) sync state; read-only entries and their .eln import source',
    sql: `
      -- This profile's identity on shared storage: one row, made on first sync.
      CREATE TABLE sync_device (
        id         TEXT PRIMARY KEY,
        created_at TEXT NOT NULL
      );

      -- Folders (later WebDAV/S3) the user set up as targets; location is the folder path or URL.
      CREATE TABLE sync_targets (
        id           TEXT PRIMARY KEY,
        kind         TEXT NOT NULL DEFAULT 'folder',
        location     TEXT NOT NULL UNIQUE,
        added_at     TEXT NOT NULL,
        last_run_at  TEXT,
        last_result  TEXT,
        last_message TEXT
      );

      -- What each target holds of each entry: written only after the entry's file landed.
      CREATE TABLE sync_state (
        target_id      TEXT NOT NULL REFERENCES sync_targets(id),
        entry_id       TEXT NOT NULL REFERENCES entries(id),
        revision_hash  TEXT NOT NULL,
        revision_count INTEGER NOT NULL,
        status         TEXT NOT NULL,
        title          TEXT NOT NULL,
        notebook       TEXT NOT NULL,
        file_sha256    TEXT NOT NULL,
        file_size      INTEGER NOT NULL,
        synced_at      TEXT NOT NULL,
        PRIMARY KEY (target_id, entry_id)
      ) WITHOUT ROWID;

      -- 1 for entries imported from another notebook (.eln): kept as they came, never edited.
      ALTER TABLE entries ADD COLUMN read_only INTEGER NOT NULL DEFAULT 0;

      -- One row per imported .eln archive, with its mapping report.
      CREATE TABLE eln_imports (
        id          TEXT PRIMARY KEY,
        file_name   TEXT NOT NULL,
        sha256      TEXT NOT NULL,
        source      TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        report      TEXT NOT NULL
      );

      -- Where an imported entry came from: the archive, the dataset's @id and identifier.
      CREATE TABLE eln_entry_sources (
        entry_id   TEXT PRIMARY KEY REFERENCES entries(id),
        import_id  TEXT NOT NULL REFERENCES eln_imports(id),
        source_id  TEXT NOT NULL,
        identifier TEXT
      );

      -- Fields of imported entries as key-value pairs with units (schema.org PropertyValue).
      CREATE TABLE eln_fields (
        entry_id    TEXT NOT NULL REFERENCES entries(id),
        position    INTEGER NOT NULL,
        property_id TEXT NOT NULL,
        name        TEXT,
        value       TEXT NOT NULL,
        unit        TEXT,
        PRIMARY KEY (entry_id, position)
      ) WITHOUT ROWID;

      -- Files that came with imported entries, checked against their sha256.
      CREATE TABLE eln_files (
        entry_id        TEXT NOT NULL REFERENCES entries(id),
        position        INTEGER NOT NULL,
        path            TEXT NOT NULL,
        name            TEXT NOT NULL,
        encoding_format TEXT,
        size            INTEGER NOT NULL,
        sha256          TEXT NOT NULL,
        content         BLOB NOT NULL,
        PRIMARY KEY (entry_id, position)
      );
    `,
  },
  {
    version: 5,
    description: 'files synced beside each record.json (attachments, record.pdf)',
    sql: `
      -- JSON list of {path, size, sha256[, revisionHash]}: the entry's attachments and its
      -- record.pdf on the target, written with the row once those files landed.
      ALTER TABLE sync_state ADD COLUMN extra_files TEXT NOT NULL DEFAULT '[]';
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
