import type Database from 'better-sqlite3';
import type { Db } from './open-database';

const cache = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * The prepared statement for `sql` on this database, prepared once. For
 * code that runs a statement per entry in a loop over thousands of entries
 * (sync), where preparing it every time was a measurable share of the run.
 */
export function cachedStatement(db: Db, sql: string): Database.Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
