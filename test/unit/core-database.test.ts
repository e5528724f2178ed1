import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openProfile, resolveProfileDir, databasePath } from '../../electron/core/index';
import { LATEST_SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { PERSIST_APPLICATION_ID } from '../../electron/core/db/open-database';
import { tempDir, tempProfile } from '../support/temp-profile';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('profile folder', () => {
  it('takes --profile over PERSIST_PROFILE over the host default', () => {
    const env = { PERSIST_PROFILE: 'from-env' };
    expect(resolveProfileDir({ argv: ['--profile', 'from-arg'], env, defaultDir: 'd' })).toBe(path.resolve('from-arg'));
    expect(resolveProfileDir({ argv: ['--profile=eq-form'], env, defaultDir: 'd' })).toBe(path.resolve('eq-form'));
    expect(resolveProfileDir({ argv: [], env, defaultDir: 'd' })).toBe(path.resolve('from-env'));
    expect(resolveProfileDir({ argv: [], env: {}, defaultDir: 'd' })).toBe(path.resolve('d'));
    expect(resolveProfileDir({ argv: ['--profile'], env: {} })).toBeNull();
  });
});

describe('database', () => {
  it('is created in WAL mode with foreign keys, our application id and the latest schema', () => {
    const ctx = tempProfile();
    cleanups.push(ctx.cleanup);
    expect(ctx.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ctx.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ctx.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(ctx.db.pragma('application_id', { simple: true })).toBe(PERSIST_APPLICATION_ID);
  });

  it('seeds the Welcome notebook and the demo experiment once, on first run only', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const first = openProfile(dir);
    const count = () => (first.db.prepare('SELECT count(*) AS n FROM entries').get() as { n: number }).n;
    // The Welcome entry and the ten entries of the demo experiment.
    expect(count()).toBe(11);
    first.close();
    const second = openProfile(dir);
    expect((second.db.prepare('SELECT count(*) AS n FROM entries').get() as { n: number }).n).toBe(11);
    second.close();
  });

  it('keeps revisions append-only: UPDATE and DELETE are rejected by triggers', () => {
    const ctx = tempProfile();
    cleanups.push(ctx.cleanup);
    expect(() => ctx.db.prepare("UPDATE revisions SET record = '{}'").run()).toThrow(/append-only/);
    expect(() => ctx.db.prepare('DELETE FROM revisions').run()).toThrow(/append-only/);
    // One 'created' revision per seeded entry, all still there.
    expect((ctx.db.prepare('SELECT count(*) AS n FROM revisions').get() as { n: number }).n).toBe(11);
  });

  it('enforces foreign keys: an entry cannot point at a missing notebook', () => {
    const ctx = tempProfile();
    cleanups.push(ctx.cleanup);
    expect(() =>
      ctx.db
        .prepare(
          "INSERT INTO entries (id, notebook_id, title, author, created_at, updated_at) VALUES ('x', 'nope', 't', 'a', '', '')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('opens a profile written by this version again without migrating or seeding twice', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    openProfile(dir).close();
    const file = databasePath(dir);
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
    expect(fs.existsSync(file)).toBe(true);
  });
});
