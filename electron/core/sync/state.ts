import type { CoreContext } from '../context';
import type { ManifestEntry, ManifestFile } from './manifest';
import { RECORD_FILE } from './layout';

/** Per-profile sync bookkeeping in SQLite (migration 4). */

export interface TargetRow {
  id: string;
  kind: string;
  location: string;
  added_at: string;
  last_run_at: string | null;
  last_result: string | null;
  last_message: string | null;
}

export interface SyncStateRow {
  entry_id: string;
  revision_hash: string;
  revision_count: number;
  status: 'active' | 'trashed';
  title: string;
  notebook: string;
  file_sha256: string;
  file_size: number;
  synced_at: string;
  /** JSON list of the files beside record.json on the target (attachments, record.pdf): ManifestFile[]. */
  extra_files: string;
}

/** This profile's device id, made once on first use. */
export function deviceId(ctx: CoreContext): string {
  const row = ctx.db.prepare('SELECT id FROM sync_device LIMIT 1').get() as { id: string } | undefined;
  if (row) return row.id;
  const id = ctx.newId();
  ctx.db.prepare('INSERT INTO sync_device (id, created_at) VALUES (?, ?)').run(id, ctx.now());
  return id;
}

export function listTargetRows(ctx: CoreContext): TargetRow[] {
  return ctx.db.prepare('SELECT * FROM sync_targets ORDER BY added_at, id').all() as TargetRow[];
}

export function targetRowByLocation(ctx: CoreContext, location: string): TargetRow | null {
  return (
    (ctx.db.prepare('SELECT * FROM sync_targets WHERE location = ?').get(location) as TargetRow | undefined) ?? null
  );
}

export function insertTargetRow(ctx: CoreContext, id: string, kind: string, location: string): void {
  ctx.db
    .prepare('INSERT INTO sync_targets (id, kind, location, added_at) VALUES (?, ?, ?, ?)')
    .run(id, kind, location, ctx.now());
}

export function recordRunResult(ctx: CoreContext, targetId: string, result: string, message: string | null): void {
  ctx.db
    .prepare('UPDATE sync_targets SET last_run_at = ?, last_result = ?, last_message = ? WHERE id = ?')
    .run(ctx.now(), result, message, targetId);
}

export function stateRows(ctx: CoreContext, targetId: string): SyncStateRow[] {
  return ctx.db
    .prepare('SELECT * FROM sync_state WHERE target_id = ? ORDER BY entry_id')
    .all(targetId) as SyncStateRow[];
}

export function countStateRows(ctx: CoreContext, targetId: string): number {
  return (ctx.db.prepare('SELECT count(*) AS n FROM sync_state WHERE target_id = ?').get(targetId) as { n: number }).n;
}

/** Records, in one transaction, entries whose files have landed on the target. */
export function saveLanded(ctx: CoreContext, targetId: string, rows: readonly SyncStateRow[]): void {
  if (rows.length === 0) return;
  const upsert = ctx.db.prepare(
    `INSERT INTO sync_state (target_id, entry_id, revision_hash, revision_count, status, title, notebook, file_sha256, file_size, synced_at, extra_files)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (target_id, entry_id) DO UPDATE SET revision_hash = excluded.revision_hash,
       revision_count = excluded.revision_count, status = excluded.status, title = excluded.title,
       notebook = excluded.notebook, file_sha256 = excluded.file_sha256, file_size = excluded.file_size,
       synced_at = excluded.synced_at, extra_files = excluded.extra_files`,
  );
  ctx.db.transaction(() => {
    for (const r of rows) {
      upsert.run(
        targetId,
        r.entry_id,
        r.revision_hash,
        r.revision_count,
        r.status,
        r.title,
        r.notebook,
        r.file_sha256,
        r.file_size,
        r.synced_at,
        r.extra_files,
      );
    }
  })();
}

/** The manifest line for one synced entry. */
export function manifestEntryOf(row: SyncStateRow): ManifestEntry {
  return {
    id: row.entry_id,
    title: row.title,
    notebook: row.notebook,
    status: row.status,
    tombstone: row.status === 'trashed',
    revisionHash: row.revision_hash,
    revisionCount: row.revision_count,
    syncedAt: row.synced_at,
    files: [
      { path: `${row.entry_id}/${RECORD_FILE}`, size: row.file_size, sha256: row.file_sha256 },
      ...extraFilesOf(row),
    ],
  };
}

/** The files a state row lists beside record.json ([] for a row without any, or one that cannot be read). */
export function extraFilesOf(row: Pick<SyncStateRow, 'extra_files'>): ManifestFile[] {
  try {
    const files = JSON.parse(row.extra_files ?? '[]') as unknown;
    return Array.isArray(files) ? (files as ManifestFile[]) : [];
  } catch {
    return [];
  }
}

/** Entries whose latest revision this target does not hold yet: what the sync panel calls "pending". */
export function countPending(ctx: CoreContext, targetId: string): number {
  return (
    ctx.db
      .prepare(
        `SELECT count(*) AS n FROM entries e LEFT JOIN sync_state s ON s.target_id = ? AND s.entry_id = e.id
         WHERE e.head_hash IS NOT NULL AND (s.revision_hash IS NULL OR s.revision_hash <> e.head_hash)`,
      )
      .get(targetId) as { n: number }
  ).n;
}

/** Forgets a target: its row and what the profile knew it held. The share itself is not touched. */
export function deleteTargetRows(ctx: CoreContext, targetId: string): void {
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM sync_state WHERE target_id = ?').run(targetId);
    ctx.db.prepare('DELETE FROM sync_targets WHERE id = ?').run(targetId);
  })();
}

export function targetRowById(ctx: CoreContext, targetId: string): TargetRow | null {
  return (ctx.db.prepare('SELECT * FROM sync_targets WHERE id = ?').get(targetId) as TargetRow | undefined) ?? null;
}
