import fs from 'node:fs';
import os from 'node:os';
import { monotonicFactory } from 'ulid';
import type { Db } from './db/open-database';
import { openDatabase } from './db/open-database';
import { LATEST_SCHEMA_VERSION } from './db/migrations';
import { databasePath } from './profile';
import { seedProfile } from './seed';
import { engineLoaded } from './engine';
import { installBuiltinTemplates } from './templates';

/** Everything the notebook engine needs; one per open profile. */
export interface CoreContext {
  db: Db;
  profileDir: string;
  user: string;
  appVersion: string;
  schemaVersion: number;
  /** Minutes of editing after which a save also cuts a revision. */
  checkpointIntervalMs: number;
  now: () => string;
  newId: () => string;
  close: () => void;
}

export interface OpenProfileOptions {
  user?: string;
  appVersion?: string;
  checkpointIntervalMs?: number;
  now?: () => string;
  /** Seed the Welcome notebook and the demo experiment when the profile is new (default true). */
  seed?: boolean;
}

export const DEFAULT_CHECKPOINT_INTERVAL_MS = 5 * 60_000;

function defaultUser(): string {
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Opens a profile folder, creating and seeding it on first use. */
export function openProfile(profileDir: string, options: OpenProfileOptions = {}): CoreContext {
  fs.mkdirSync(profileDir, { recursive: true });
  const { db } = openDatabase(databasePath(profileDir));
  const ulid = monotonicFactory();
  const ctx: CoreContext = {
    db,
    profileDir,
    user: options.user ?? process.env.PERSIST_USER ?? defaultUser(),
    appVersion: options.appVersion ?? '0.1.0',
    schemaVersion: LATEST_SCHEMA_VERSION,
    checkpointIntervalMs: options.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS,
    now: options.now ?? (() => new Date().toISOString()),
    newId: () => ulid(),
    close: () => {
      if (db.open) db.close();
    },
  };
  try {
    // Built-in templates need the engine; a host that did not load it (a CLI
    // command that only reads) leaves them for the next open that does.
    if (engineLoaded()) installBuiltinTemplates(ctx);
    // Notebooks can be archived but never deleted, so "no notebook at all" means
    // never seeded, even if a crash came between the migration and the seed.
    const notebooks = (db.prepare('SELECT count(*) AS n FROM notebooks').get() as { n: number }).n;
    if (notebooks === 0 && options.seed !== false) db.transaction(() => seedProfile(ctx))();
  } catch (error) {
    ctx.close();
    throw error;
  }
  return ctx;
}
