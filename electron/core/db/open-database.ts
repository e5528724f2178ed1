import fs from 'node:fs';
import Database from 'better-sqlite3';
import { PersistError } from '../../../shared/ipc/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';

export type Db = Database.Database;

/** PRAGMA application_id of every Persist database: "PRST" in ASCII. */
export const PERSIST_APPLICATION_ID = 0x50525354;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\u0000', 'latin1');
/** The 100-byte database header plus page 1's b-tree header (type byte and cell count). */
const HEADER_BYTES = 108;

function readHeader(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    const read = fs.readSync(fd, header, 0, header.length, 0);
    return header.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

interface HeaderFacts {
  applicationId: number;
  userVersion: number;
  hasTables: boolean;
}

/**
 * Reads application_id, user_version and whether any table exists straight
 * from the file header (SQLite file format: offsets 60 and 68; page 1's
 * b-tree header at 100). Unlike opening a connection, this leaves no -wal or
 * -shm file beside a database we refuse. When a -wal file already exists the
 * header on disk may be stale, so SQLite itself is asked, read-only.
 */
function headerFacts(file: string, header: Buffer): HeaderFacts {
  if (!fs.existsSync(`${file}-wal`) && header.length >= HEADER_BYTES) {
    const leafPageWithNoCells = header[100] === 0x0d && header.readUInt16BE(103) === 0;
    return {
      applicationId: header.readInt32BE(68),
      userVersion: header.readUInt32BE(60),
      hasTables: !leafPageWithNoCells,
    };
  }
  const probe = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      applicationId: probe.pragma('application_id', { simple: true }) as number,
      userVersion: probe.pragma('user_version', { simple: true }) as number,
      hasTables: (probe.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n > 0,
    };
  } finally {
    probe.close();
  }
}

/**
 * Looks at an existing file without writing to it and throws if Persist must
 * not open it for writing: not SQLite, SQLite but not ours, or ours from a
 * newer version. A refused file is left byte-identical.
 */
function assertOpenable(file: string): void {
  const size = fs.statSync(file).size;
  if (size === 0) return; // a crash during creation: SQLite treats it as empty
  const header = readHeader(file);
  if (header.length < SQLITE_MAGIC.length || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw new PersistError(
      'refused_database',
      `${file} is not a Persist database (it is not an SQLite file); it was left untouched.`,
    );
  }
  const facts = headerFacts(file, header);
  const blank = facts.applicationId === 0 && facts.userVersion === 0 && !facts.hasTables;
  if (facts.applicationId !== PERSIST_APPLICATION_ID && !blank) {
    throw new PersistError(
      'refused_database',
      `${file} is an SQLite database of another program, not Persist; it was left untouched.`,
    );
  }
  if (facts.userVersion > LATEST_SCHEMA_VERSION) {
    throw new PersistError(
      'refused_database',
      `${file} was written by a newer version of Persist (schema ${facts.userVersion}; this version knows up to ${LATEST_SCHEMA_VERSION}). Update Persist to open it; the file was left untouched.`,
    );
  }
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`application_id = ${PERSIST_APPLICATION_ID}`);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

export interface OpenedDatabase {
  db: Db;
  /** True when this call created the schema: the profile is new. */
  created: boolean;
}

/**
 * Opens (creating if needed) a Persist database: refuses foreign or newer
 * files untouched, then WAL, foreign keys, FULL sync and migrations.
 */
export function openDatabase(file: string): OpenedDatabase {
  if (fs.existsSync(file)) assertOpenable(file);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // FULL: a committed autosave survives a power cut, not just a crash.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const created = (db.pragma('user_version', { simple: true }) as number) === 0;
    migrate(db);
    return { db, created };
  } catch (error) {
    db.close();
    throw error;
  }
}
