import crypto from 'node:crypto';
import type { RevisionRecord } from '../../../shared/record/revision-record';
import type { CoreContext } from '../context';
import { attachmentRefsOf } from '../attachments/references';
import { cachedStatement } from '../db/statements';
import type { SyncStateRow } from './state';

/**
 * record.json: an entry's whole history as the profile holds it, every
 * revision's record with its hash and the previous hash, so anyone with the
 * share alone can recompute the chain (`persist verify-share`).
 */
export const RECORD_FORMAT = 'persist-record/1';

const CLOSE_BRACE = Buffer.from('}');

export interface RecordFileRevision {
  seq: number;
  hash: string;
  prevHash: string | null;
  /** The revision record; its RFC 8785 canonical JSON hashes to `hash`. */
  record: RevisionRecord;
}

export interface RecordFile {
  format: typeof RECORD_FORMAT;
  entryId: string;
  title: string;
  notebook: { id: string; name: string };
  status: 'active' | 'trashed';
  headHash: string;
  revisions: RecordFileRevision[];
}

export interface BuiltRecord {
  bytes: Buffer;
  /** What sync_state stores once the bytes have landed (extra_files filled in by the engine). */
  state: SyncStateRow;
  /** SHA-256 of every attachment any revision refers to, sorted: they go beside record.json. */
  attachments: string[];
}

/**
 * The attachments an entry's history refers to. Only revisions whose text
 * names a "sha256" are parsed, so a record without pictures costs no parse.
 */
function attachmentsOfRevisions(records: readonly Buffer[]): string[] {
  const found = new Set<string>();
  for (const bytes of records) {
    if (!bytes.includes('"sha256"')) continue;
    const record = JSON.parse(bytes.toString('utf8')) as RevisionRecord;
    for (const sha of attachmentRefsOf(record.content)) found.add(sha);
  }
  return [...found].sort();
}

/**
 * Builds one entry's record.json from the revisions stored now (or null for
 * an entry without any). Each revision's canonical text is spliced in as it
 * is stored rather than parsed and printed again: the bytes that were hashed
 * are the bytes on the share, and a 10,000-entry sync does not spend its
 * time re-serialising history. One revision per line, for people reading it.
 */
export function buildRecordFile(ctx: CoreContext, entryId: string, syncedAt: string): BuiltRecord | null {
  // The records come out as bytes (a BLOB cast), never as JavaScript strings: a 10,000-entry sync
  // moves hundreds of MB, and decoding and re-encoding UTF-8 was most of its CPU time.
  const rows = cachedStatement(
    ctx.db,
    'SELECT seq, hash, prev_hash, CAST(record AS BLOB) AS record FROM revisions WHERE entry_id = ? ORDER BY seq',
  ).all(entryId) as Array<{ seq: number; hash: string; prev_hash: string | null; record: Buffer }>;
  const last = rows[rows.length - 1];
  if (!last) return null;
  const head = JSON.parse(last.record.toString('utf8')) as RevisionRecord;
  const notebook = cachedStatement(ctx.db, 'SELECT name FROM notebooks WHERE id = ?').get(head.notebookId) as
    { name: string } | undefined;
  const summary = {
    format: RECORD_FORMAT,
    entryId,
    title: head.title,
    notebook: { id: head.notebookId, name: notebook?.name ?? '' },
    status: head.status,
    headHash: last.hash,
  };
  const parts: Buffer[] = [Buffer.from(`${JSON.stringify(summary).slice(0, -1)},"revisions":[\n`, 'utf8')];
  rows.forEach((r, i) => {
    const prev = r.prev_hash === null ? 'null' : `"${r.prev_hash}"`;
    parts.push(Buffer.from(`${i === 0 ? '' : ',\n'}{"seq":${r.seq},"hash":"${r.hash}","prevHash":${prev},"record":`));
    parts.push(r.record, CLOSE_BRACE);
  });
  parts.push(Buffer.from('\n]}\n'));
  const bytes = Buffer.concat(parts);
  return {
    bytes,
    state: {
      entry_id: entryId,
      revision_hash: last.hash,
      revision_count: last.seq,
      status: head.status,
      title: head.title,
      notebook: summary.notebook.name,
      file_sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
      file_size: bytes.length,
      synced_at: syncedAt,
      extra_files: '[]',
    },
    attachments: attachmentsOfRevisions(rows.map((r) => r.record)),
  };
}
