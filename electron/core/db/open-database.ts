import fs from 'node:fs';
import Database from 'better-sqlite3';
import { PersistError } from '../../../shared/ipc/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';

export type Db = Database.Database;

/** PRAGMA application_id of every Persist database: "PRST" in ASCII. */
export const PERSIST_APPLICATION_ID = 0x50525354;

const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');

function readHeader(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, header, 0, header.length, 0);
    return header.subarray(0, read);
  } finally {
    fs.closeSync(fd);
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
  if (!header.equals(SQLITE_HEADER)) {
    throw new PersistError(
      'refused_database',
      `${file} is not a Persist database (it is not an SQLite file); it was left untouched.`,
    );
  }
  const probe = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const appId = probe.pragma('application_id', { simple: true }) as number;
    const version = probe.pragma('user_version', { simple: true }) as number;
    const tables = probe.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number };
    if (appId !== PERSIST_APPLICATION_ID && !(appId === 0 && version === 0 && tables.n === 0)) {
      throw new PersistError(
        'refused_database',
        `${file} is an SQLite database of another program, not Persist; it was left untouched.`,
      );
    }
    if (version > LATEST_SCHEMA_VERSION) {
      throw new PersistError(
        'refused_database',
        `${file} was written by a newer version of Persist (schema ${version}; this version knows up to ${LATEST_SCHEMA_VERSION}). Update Persist to open it; the file was left untouched.`,
      );
    }
  } finally {
    probe.close();
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
