import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

/** Helpers for tests that run the real `persist` CLI as a child process. */

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(REPO_ROOT, 'electron/cli/persist.mjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node electron/cli/persist.mjs ...args` and collects its output. */
export function runCli(args: readonly string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const childEnv: Record<string, string | undefined> = { ...process.env, PERSIST_PROFILE: undefined, ...env };
    for (const key of Object.keys(childEnv)) if (childEnv[key] === undefined) delete childEnv[key];
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: REPO_ROOT,
      env: childEnv as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A fresh temporary folder; the caller removes it (see removeDir). */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `persist-${prefix}-`));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Tampers with a stored revision the way someone with the file and an SQLite
 * shell could: drop the append-only trigger, rewrite the row, put the trigger
 * back. `change` receives the revision row and returns the columns to set.
 */
export function tamperRevision(
  dbFile: string,
  entryId: string,
  seq: number,
  change: (row: { record: string; hash: string; prev_hash: string | null }) => Partial<{
    record: string;
    hash: string;
    prev_hash: string | null;
  }>,
): void {
  const db = new Database(dbFile);
  try {
    const row = db
      .prepare('SELECT record, hash, prev_hash FROM revisions WHERE entry_id = ? AND seq = ?')
      .get(entryId, seq) as { record: string; hash: string; prev_hash: string | null } | undefined;
    if (!row) throw new Error(`no revision ${seq} of ${entryId}`);
    const trigger = db
      .prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'revisions_no_update'")
      .get() as { sql: string };
    const set = change(row);
    const columns = Object.keys(set);
    db.transaction(() => {
      db.exec('DROP TRIGGER revisions_no_update');
      db.prepare(
        `UPDATE revisions SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE entry_id = ? AND seq = ?`,
      ).run(...columns.map((c) => set[c as keyof typeof set] ?? null), entryId, seq);
      db.exec(trigger.sql);
    })();
  } finally {
    db.close();
  }
}

/** Deletes one revision behind the append-only trigger's back. */
export function deleteRevision(dbFile: string, entryId: string, seq: number): void {
  const db = new Database(dbFile);
  try {
    const trigger = db
      .prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'revisions_no_delete'")
      .get() as { sql: string };
    db.transaction(() => {
      db.exec('DROP TRIGGER revisions_no_delete');
      db.prepare('DELETE FROM revisions WHERE entry_id = ? AND seq = ?').run(entryId, seq);
      db.exec(trigger.sql);
    })();
  } finally {
    db.close();
  }
}
