import { describe, expect, it } from 'vitest';
import { canonicalJson, hashOf, sha256Hex } from '../../shared/record/canonical-json';
import { findChainProblem, sealRevision, REVISION_RECORD_SCHEMA } from '../../shared/record/revision-record';
import type { RevisionRecord, StoredRevision } from '../../shared/record/revision-record';
import { documentOf, paragraph } from '../../shared/domain/lexical-build';

describe('canonical JSON and hashing', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives the same hash for the same value written in any key order', () => {
    expect(hashOf({ title: 'Day 3', seq: 2 })).toBe(hashOf({ seq: 2, title: 'Day 3' }));
    expect(hashOf({ title: 'Day 3', seq: 2 })).not.toBe(hashOf({ title: 'Day 3', seq: 3 }));
  });

  it('hashes UTF-8 bytes with SHA-256 (FIPS 180-2 test vector and non-ASCII text)', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('µM')).toBe(sha256Hex('\u00b5M'));
    expect(sha256Hex('µM')).not.toBe(sha256Hex('uM'));
  });

  it('refuses values without a JSON form', () => {
    expect(() => canonicalJson(undefined)).toThrow();
  });
});

function chainOf(count: number): StoredRevision[] {
  const out: StoredRevision[] = [];
  let prevHash: string | null = null;
  for (let seq = 1; seq <= count; seq += 1) {
    const record: RevisionRecord = {
      schema: REVISION_RECORD_SCHEMA,
      entryId: 'E1',
      notebookId: 'N1',
      seq,
      title: `Day ${seq}`,
      tags: [],
      status: 'active',
      content: documentOf(paragraph(`count ${seq}`)),
      author: 'tester',
      createdAt: '2026-11-26T09:00:00.000Z',
      reason: 'checkpoint',
      prevHash,
    };
    const sealed = sealRevision(record);
    out.push({ seq, entryId: 'E1', canonical: sealed.canonical, hash: sealed.hash, prevHash });
    prevHash = sealed.hash;
  }
  return out;
}

describe('revision hash chain', () => {
  it('accepts an intact chain', () => {
    expect(findChainProblem(chainOf(5))).toBeNull();
  });

  it('detects an edited record', () => {
    const chain = chainOf(4);
    chain[2] = { ...chain[2]!, canonical: chain[2]!.canonical.replace('count 3', 'count 9') };
    expect(findChainProblem(chain)).toMatchObject({ kind: 'hash-mismatch', seq: 3 });
  });

  it('detects a re-hashed record whose successor still points at the old hash', () => {
    const chain = chainOf(4);
    const canonical = chain[1]!.canonical.replace('count 2', 'count 7');
    chain[1] = { ...chain[1]!, canonical, hash: sha256Hex(canonical) };
    expect(findChainProblem(chain)).toMatchObject({ kind: 'broken-link', seq: 3 });
  });

  it('detects a dropped revision', () => {
    const chain = chainOf(4);
    chain.splice(1, 1);
    expect(findChainProblem(chain)).toMatchObject({ kind: 'sequence-gap', seq: 3, expectedSeq: 2 });
  });

  it('detects a revision moved to another entry', () => {
    const chain = chainOf(2);
    chain[1] = { ...chain[1]!, entryId: 'E2' };
    expect(findChainProblem(chain)).toMatchObject({ kind: 'wrong-entry', seq: 2 });
  });
});
