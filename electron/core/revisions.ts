import type { EntryStatus, LexicalState, RevisionReason, RevisionSummary } from '../../shared/domain/types';
import { REVISION_RECORD_SCHEMA, findChainProblem, sealRevision } from '../../shared/record/revision-record';
import type { ChainProblem, StoredRevision } from '../../shared/record/revision-record';
import type { CoreContext } from './context';
import { type EntryRow, type RevisionRow, toRevisionSummary } from './rows';

/**
 * Appends a revision holding the entry's current metadata and draft, linked to
 * the previous revision's hash. Call inside the caller's transaction.
 */
export function cutRevision(ctx: CoreContext, entryId: string, reason: RevisionReason): RevisionSummary {
  const entry = ctx.db.prepare('SELECT rowid, * FROM entries WHERE id = ?').get(entryId) as EntryRow;
  const draft = ctx.db.prepare('SELECT content FROM drafts WHERE entry_id = ?').get(entryId) as { content: string };
  const seq = entry.revision_count + 1;
  const createdAt = ctx.now();
  const status: EntryStatus = entry.deleted_at ? 'trashed' : 'active';
  const sealed = sealRevision({
    schema: REVISION_RECORD_SCHEMA,
    entryId,
    notebookId: entry.notebook_id,
    seq,
    title: entry.title,
    tags: JSON.parse(entry.tags) as string[],
    status,
    content: JSON.parse(draft.content) as LexicalState,
    author: ctx.user,
    createdAt,
    reason,
    prevHash: entry.head_hash,
  });
  const id = ctx.newId();
  ctx.db
    .prepare(
      `INSERT INTO revisions (id, entry_id, seq, created_at, author, reason, record, hash, prev_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(id, entryId, seq, createdAt, ctx.user, reason, sealed.canonical, sealed.hash, entry.head_hash);
  ctx.db.prepare('UPDATE entries SET revision_count = ?, head_hash = ? WHERE id = ?').run(seq, sealed.hash, entryId);
  ctx.db.prepare('UPDATE drafts SET dirty = 0 WHERE entry_id = ?').run(entryId);
  return {
    id,
    entryId,
    seq,
    createdAt,
    author: ctx.user,
    reason,
    hash: sealed.hash,
    prevHash: entry.head_hash,
  };
}

export function listRevisions(ctx: CoreContext, entryId: string): RevisionSummary[] {
  const rows = ctx.db.prepare('SELECT * FROM revisions WHERE entry_id = ? ORDER BY seq').all(entryId) as RevisionRow[];
  return rows.map(toRevisionSummary);
}

export function headRevision(ctx: CoreContext, entryId: string): RevisionSummary | null {
  const row = ctx.db.prepare('SELECT * FROM revisions WHERE entry_id = ? ORDER BY seq DESC LIMIT 1').get(entryId) as
    RevisionRow | undefined;
  return row ? toRevisionSummary(row) : null;
}

export interface ChainReport {
  entries: number;
  revisions: number;
  broken: Array<{ entryId: string; title: string; problem: ChainProblem | { kind: 'head-mismatch'; seq: number } }>;
}

/** Checks every entry's hash chain, and that each entry's head matches its last revision. */
export function verifyChains(ctx: CoreContext): ChainReport {
  const entries = ctx.db.prepare('SELECT id, title, revision_count, head_hash FROM entries ORDER BY id').all() as Array<
    Pick<EntryRow, 'id' | 'title' | 'revision_count' | 'head_hash'>
  >;
  const revisionsOf = ctx.db.prepare(
    'SELECT seq, entry_id, record, hash, prev_hash FROM revisions WHERE entry_id = ? ORDER BY seq',
  );
  const report: ChainReport = { entries: entries.length, revisions: 0, broken: [] };
  for (const entry of entries) {
    const rows = revisionsOf.all(entry.id) as Array<
      Pick<RevisionRow, 'seq' | 'entry_id' | 'record' | 'hash' | 'prev_hash'>
    >;
    report.revisions += rows.length;
    const stored: StoredRevision[] = rows.map((r) => ({
      seq: r.seq,
      entryId: r.entry_id,
      canonical: r.record,
      hash: r.hash,
      prevHash: r.prev_hash,
    }));
    const problem = findChainProblem(stored);
    if (problem) {
      report.broken.push({ entryId: entry.id, title: entry.title, problem });
      continue;
    }
    const last = rows[rows.length - 1];
    if ((last?.hash ?? null) !== entry.head_hash || rows.length !== entry.revision_count) {
      report.broken.push({
        entryId: entry.id,
        title: entry.title,
        problem: { kind: 'head-mismatch', seq: last?.seq ?? 0 },
      });
    }
  }
  return report;
}
