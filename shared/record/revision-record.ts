import type { EntryStatus, Id, IsoTime, LexicalState, RevisionReason } from '../domain/types';
import { canonicalJson, sha256Hex } from './canonical-json';

export const REVISION_RECORD_SCHEMA = 'persist.revision/1';

/**
 * What one revision attests: the entry's content and metadata at a point in
 * time, plus the hash of the revision before it. Hashing this record chains
 * revisions together, so editing or dropping any earlier one is detectable.
 */
export interface RevisionRecord {
  schema: typeof REVISION_RECORD_SCHEMA;
  entryId: Id;
  notebookId: Id;
  seq: number;
  title: string;
  tags: string[];
  status: EntryStatus;
  content: LexicalState;
  author: string;
  createdAt: IsoTime;
  reason: RevisionReason;
  prevHash: string | null;
}

export interface SealedRevision {
  record: RevisionRecord;
  /** The canonical JSON text that was hashed; stored byte for byte. */
  canonical: string;
  hash: string;
}

export function sealRevision(record: RevisionRecord): SealedRevision {
  const canonical = canonicalJson(record);
  return { record, canonical, hash: sha256Hex(canonical) };
}

export type ChainProblem =
  | { kind: 'hash-mismatch'; seq: number; expected: string; actual: string }
  | { kind: 'broken-link'; seq: number; expected: string | null; actual: string | null }
  | { kind: 'sequence-gap'; seq: number; expectedSeq: number }
  | { kind: 'wrong-entry'; seq: number }
  | { kind: 'unreadable'; seq: number };

export interface StoredRevision {
  seq: number;
  entryId: Id;
  canonical: string;
  hash: string;
  prevHash: string | null;
}

/**
 * Checks one entry's revisions in sequence order: every stored hash matches
 * its canonical text, every record links to the hash before it, and sequence
 * numbers run 1, 2, 3... Returns the first problem, or null when intact.
 */
export function findChainProblem(revisions: readonly StoredRevision[]): ChainProblem | null {
  let prev: string | null = null;
  let expectedSeq = 1;
  for (const rev of revisions) {
    if (rev.seq !== expectedSeq) return { kind: 'sequence-gap', seq: rev.seq, expectedSeq };
    const actual = sha256Hex(rev.canonical);
    if (actual !== rev.hash) {
      return { kind: 'hash-mismatch', seq: rev.seq, expected: rev.hash, actual };
    }
    let record: Partial<RevisionRecord>;
    try {
      record = JSON.parse(rev.canonical) as Partial<RevisionRecord>;
    } catch {
      return { kind: 'unreadable', seq: rev.seq };
    }
    if (record.entryId !== rev.entryId || record.seq !== rev.seq) {
      return { kind: 'wrong-entry', seq: rev.seq };
    }
    if (rev.prevHash !== prev || (record.prevHash ?? null) !== prev) {
      return { kind: 'broken-link', seq: rev.seq, expected: prev, actual: record.prevHash ?? null };
    }
    prev = rev.hash;
    expectedSeq += 1;
  }
  return null;
}
