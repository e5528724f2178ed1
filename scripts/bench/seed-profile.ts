import fs from 'node:fs';
import path from 'node:path';
import { ulid } from 'ulid';
import { plainTextOf } from '../../shared/domain/plain-text';
import type { RevisionReason } from '../../shared/domain/types';
import { REVISION_RECORD_SCHEMA, sealRevision } from '../../shared/record/revision-record';
import { databasePath, openProfile, verifyChains } from '../../electron/core/index';
import { createNotebook } from '../../electron/core/notebooks';
import { Prng } from './prng';
import { CELL_LINES, DRUGS, documentAt, generateEntry } from './vocabulary';

/** Bump when the generator or the schema changes, so cached profiles are rebuilt. */
export const BENCH_DATA_VERSION = 1;

export interface SeedOptions {
  entries: number;
  revisions: number;
  seed: number;
}

export interface SeedInfo extends SeedOptions {
  version: number;
  notebooks: number;
  trashed: number;
  words: number;
  seedSeconds: number;
  verifySeconds: number;
  databaseBytes: number;
}

const AUTHORS = ['a.rivera', 'j.chen', 'm.okafor', 's.lindqvist', 'p.nair'];
const LATER_REASONS: RevisionReason[] = ['interval', 'interval', 'checkpoint', 'left-entry'];

/** How many revisions each entry gets: 2-18, adjusted so they add up to the total exactly. */
function revisionCounts(rng: Prng, entries: number, total: number): number[] {
  if (total < entries) throw new Error('need at least one revision per entry');
  const counts = Array.from({ length: entries }, () => rng.int(2, 18));
  let sum = counts.reduce((a, b) => a + b, 0);
  while (sum !== total) {
    const i = rng.int(0, entries - 1);
    const c = counts[i] as number;
    if (sum < total) {
      counts[i] = c + 1;
      sum += 1;
    } else if (c > 1) {
      counts[i] = c - 1;
      sum -= 1;
    }
  }
  return counts;
}

/**
 * Writes a profile of `entries` entries and `revisions` revisions. Rows go in
 * directly, in large transactions, but every revision is sealed with the
 * core's own sealRevision and chained exactly as cutRevision chains them;
 * verifyChains then checks the result, so the data is what the app would
 * have written (only much faster: seconds, not hours of typing).
 */
export function seedProfile(dir: string, options: SeedOptions, progress: (message: string) => void): SeedInfo {
  const started = Date.now();
  const rng = new Prng(options.seed);
  fs.mkdirSync(dir, { recursive: true });
  const ctx = openProfile(dir, { user: 'bench' });
  try {
    const db = ctx.db;
    const notebookIds = [
      ...CELL_LINES.slice(0, 8).map((c) => `${c} persisters`),
      ...DRUGS.slice(0, 4).map((d) => `${d} screens`),
      'Protocols',
      'Lab meetings',
    ].map((name) => createNotebook(ctx, name).id);

    const insertEntry = db.prepare(
      `INSERT INTO entries (id, notebook_id, title, tags, author, created_at, updated_at, deleted_at, revision_count, head_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertDraft = db.prepare(
      'INSERT INTO drafts (entry_id, content, version, saved_at, dirty) VALUES (?, ?, ?, ?, 0)',
    );
    const insertRevision = db.prepare(
      `INSERT INTO revisions (id, entry_id, seq, created_at, author, reason, record, hash, prev_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertFts = db.prepare('INSERT INTO entries_fts (rowid, title, body, tags) VALUES (?, ?, ?, ?)');

    const counts = revisionCounts(rng, options.entries, options.revisions);
    // About two years of work, entries spread evenly, revisions minutes to hours apart.
    const firstMs = Date.parse('2024-01-08T08:00:00.000Z');
    const spacingMs = (730 * 86_400_000) / options.entries;
    let trashed = 0;
    let words = 0;

    const writeBatch = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i += 1) {
        const generated = generateEntry(rng);
        words += generated.words;
        const total = counts[i] as number;
        const entryId = ulid(firstMs + i * spacingMs);
        const notebookId = rng.pick(notebookIds);
        const author = rng.pick(AUTHORS);
        const isTrashed = rng.chance(0.02);
        let at = firstMs + i * spacingMs;
        const createdAt = new Date(at).toISOString();
        let prevHash: string | null = null;
        const revisions: Array<[string, number, string, string, string, string | null, string]> = [];
        for (let seq = 1; seq <= total; seq += 1) {
          if (seq > 1) at += rng.int(2, 90) * 60_000;
          const reason: RevisionReason =
            seq === 1 ? 'created' : isTrashed && seq === total ? 'trashed' : rng.pick(LATER_REASONS);
          const revisionAt = new Date(at).toISOString();
          const sealed = sealRevision({
            schema: REVISION_RECORD_SCHEMA,
            entryId,
            notebookId,
            seq,
            title: generated.title,
            tags: generated.tags,
            status: isTrashed && seq === total ? 'trashed' : 'active',
            content: documentAt(generated, seq, total),
            author,
            createdAt: revisionAt,
            reason,
            prevHash,
          });
          revisions.push([revisionAt, seq, reason, sealed.canonical, sealed.hash, prevHash, ulid(at)]);
          prevHash = sealed.hash;
        }
        const updatedAt = new Date(at).toISOString();
        const info = insertEntry.run(
          entryId,
          notebookId,
          generated.title,
          JSON.stringify(generated.tags),
          author,
          createdAt,
          updatedAt,
          isTrashed ? updatedAt : null,
          total,
          prevHash,
        );
        for (const [revisionAt, seq, reason, canonical, hash, prev, id] of revisions) {
          insertRevision.run(id, entryId, seq, revisionAt, author, reason, canonical, hash, prev);
        }
        const finalDoc = documentAt(generated, total, total);
        insertDraft.run(entryId, JSON.stringify(finalDoc), total * 3, updatedAt);
        insertFts.run(info.lastInsertRowid, generated.title, plainTextOf(finalDoc), generated.tags.join(' '));
        if (isTrashed) trashed += 1;
      }
    });

    const batch = 250;
    for (let from = 0; from < options.entries; from += batch) {
      writeBatch(from, Math.min(options.entries, from + batch));
      if ((from / batch) % 8 === 0) progress(`seeded ${from + batch} / ${options.entries} entries`);
    }
    const seedSeconds = (Date.now() - started) / 1000;

    progress('verifying every hash chain of the seeded profile…');
    const verifyStarted = Date.now();
    const report = verifyChains(ctx);
    if (report.broken.length > 0) {
      throw new Error(`seeded profile has broken chains: ${JSON.stringify(report.broken.slice(0, 3))}`);
    }
    const verifySeconds = (Date.now() - verifyStarted) / 1000;
    db.pragma('wal_checkpoint(TRUNCATE)');
    return {
      ...options,
      version: BENCH_DATA_VERSION,
      notebooks: notebookIds.length + 1,
      trashed,
      words,
      seedSeconds,
      verifySeconds,
      databaseBytes: fs.statSync(databasePath(dir)).size,
    };
  } finally {
    ctx.close();
  }
}

/**
 * A seeded profile, from the cache when one with the same version, sizes and
 * seed is complete there (reseeding takes tens of seconds).
 */
export function cachedProfile(
  cacheRoot: string,
  options: SeedOptions,
  reseed: boolean,
  progress: (message: string) => void,
): { dir: string; info: SeedInfo; fromCache: boolean } {
  const key = `v${BENCH_DATA_VERSION}-${options.entries}e-${options.revisions}r-s${options.seed}`;
  const dir = path.join(cacheRoot, key);
  const marker = path.join(cacheRoot, `${key}.json`);
  if (!reseed && fs.existsSync(marker) && fs.existsSync(databasePath(dir))) {
    return { dir, info: JSON.parse(fs.readFileSync(marker, 'utf8')) as SeedInfo, fromCache: true };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(marker, { force: true });
  const info = seedProfile(dir, options, progress);
  // Written last: a seed cut short leaves no marker and is redone next time.
  fs.writeFileSync(marker, JSON.stringify(info, null, 2));
  return { dir, info, fromCache: false };
}
