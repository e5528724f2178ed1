import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openProfile } from '../../electron/core/index';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { PersistError } from '../../shared/ipc/errors';
import { removeDir, runCli, tempDir } from '../support/child-cli';

/**
 * Files Persist must refuse to open for writing, and must leave exactly as
 * they were: a database from a newer Persist, random bytes, and another
 * program's SQLite database.
 */
const root = tempDir('refusal');
afterAll(() => removeDir(root));

const DB_FILE = 'persist.sqlite';

function fileHash(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * What an SQLite reader sees in the file: header pragmas and every table's
 * rows. Compared before and after, it shows whether anything left beside the
 * file (a -wal or -shm) would change the database for its owner.
 */
function logicalDump(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as Array<{
      name: string;
      sql: string;
    }>;
    const rows = tables
      .filter((t) => !t.sql.startsWith('CREATE VIRTUAL'))
      .map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name.replace(/"/g, '""')}"`).all()]);
    return JSON.stringify({
      userVersion: db.pragma('user_version', { simple: true }),
      applicationId: db.pragma('application_id', { simple: true }),
      tables,
      rows,
    });
  } finally {
    db.close();
  }
}

/** Reading a WAL-mode file, even read-only, leaves side files: so read a copy. */
function dumpOfCopy(file: string): string {
  const copyDir = fs.mkdtempSync(`${path.dirname(file)}-copy-`);
  try {
    fs.copyFileSync(file, path.join(copyDir, DB_FILE));
    return logicalDump(path.join(copyDir, DB_FILE));
  } finally {
    removeDir(copyDir);
  }
}

/**
 * Checks the folder after refusals: the database file is byte-identical and
 * nothing was created beside it. Returns what was found beside it (nothing).
 */
function expectUnchanged(dir: string, before: { hash: string; dump: string | null }): string[] {
  const file = path.join(dir, DB_FILE);
  expect(fileHash(file)).toBe(before.hash);
  // The refusal reads the header bytes itself: not even an empty -wal or -shm may appear.
  const extra = fs.readdirSync(dir).filter((name) => name !== DB_FILE);
  expect(extra, 'no SQLite side files beside a refused database').toEqual([]);
  if (before.dump !== null) expect(dumpOfCopy(file)).toBe(before.dump);
  // Reading the dump must not have changed the file either.
  expect(fileHash(file)).toBe(before.hash);
  return extra;
}
function expectRefused(dir: string, message: RegExp): void {
  let caught: unknown;
  try {
    openProfile(dir).close();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(PersistError);
  expect((caught as PersistError).code).toBe('refused_database');
  expect((caught as PersistError).message).toMatch(message);
  expect((caught as PersistError).message).toMatch(/left untouched/);
}

/** Side files left beside refused databases, reported once at the end (see the afterAll below). */
const sideFiles: string[] = [];

async function checkRefusal(dir: string, message: RegExp, isSqlite: boolean): Promise<void> {
  expect(fs.readdirSync(dir)).toEqual([DB_FILE]);
  const file = path.join(dir, DB_FILE);
  const hash = fileHash(file);
  // Dump from a copy, so that taking the "before" picture cannot touch the original folder.
  let dump: string | null = null;
  if (isSqlite) dump = dumpOfCopy(file);
  expectRefused(dir, message);
  // Twice: a second attempt must meet the same untouched file.
  expectRefused(dir, message);
  sideFiles.push(...expectUnchanged(dir, { hash, dump }).map((n) => `${path.basename(dir)}/${n}`));
  // The CLI reports the same refusal (exit 2) and leaves the file alone too.
  for (const command of ['info', 'verify']) {
    const run = await runCli([command, '--profile', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  }
  expectUnchanged(dir, { hash, dump });
}

function newDir(name: string): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir);
  return dir;
}

describe('refused databases stay byte-identical', () => {
  afterAll(() => {
    expect(sideFiles).toEqual([]);
  });

  it('a database written by a newer Persist (higher user_version)', async () => {
    const dir = newDir('newer');
    openProfile(dir).close();
    // Stand in for a future version: same application, schema one past the latest.
    const db = new Database(path.join(dir, DB_FILE));
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    expect(fs.readdirSync(dir)).toEqual([DB_FILE]); // closing checkpointed and removed the WAL
    const schema = new RegExp(
      `newer version of Persist \\(schema ${LATEST_SCHEMA_VERSION + 1}; this version knows up to ${LATEST_SCHEMA_VERSION}\\)`,
    );
    await checkRefusal(dir, schema, true);
  });

  it('a garbage file named persist.sqlite', async () => {
    const dir = newDir('garbage');
    fs.writeFileSync(path.join(dir, DB_FILE), randomBytes(64 * 1024));
    await checkRefusal(dir, /is not a Persist database \(it is not an SQLite file\)/, false);
  });

  it('a garbage file that starts with the SQLite header', async () => {
    const dir = newDir('fake-header');
    const bytes = Buffer.concat([Buffer.from('SQLite format 3\u0000', 'latin1'), randomBytes(8192)]);
    fs.writeFileSync(path.join(dir, DB_FILE), bytes);
    const hash = fileHash(path.join(dir, DB_FILE));
    let caught: unknown;
    try {
      openProfile(dir).close();
    } catch (error) {
      caught = error;
    }
    // Not necessarily a PersistError (SQLite itself may call it malformed), but it must fail and change nothing.
    expect(caught).toBeInstanceOf(Error);
    expectUnchanged(dir, { hash, dump: null });
  });

  it("another program's SQLite database (its own application_id)", async () => {
    const dir = newDir('other-app');
    const db = new Database(path.join(dir, DB_FILE));
    db.pragma('application_id = 0x4d504c41');
    db.exec("CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO songs (title) VALUES ('So What');");
    db.close();
    await checkRefusal(dir, /an SQLite database of another program/, true);
  });

  it("another program's SQLite database in WAL mode with no application_id", async () => {
    const dir = newDir('other-app-wal');
    const db = new Database(path.join(dir, DB_FILE));
    db.pragma('journal_mode = WAL');
    db.exec(
      "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('shopping list');",
    );
    db.close();
    await checkRefusal(dir, /an SQLite database of another program/, true);
  });
});
