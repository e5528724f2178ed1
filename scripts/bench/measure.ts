import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { createHandlers, databasePath, dispatch, openProfile, type CoreContext } from '../../electron/core/index';
import { SEARCH_SQL, toFtsQuery } from '../../electron/core/search';
import { paragraph, text } from '../../shared/domain/lexical-build';
import type { Entry, LexicalNodeJson, LexicalState, SearchHit } from '../../shared/domain/types';
import type { Prng } from './prng';
import { median, round, timed } from './stats';
import { QUERIES } from './vocabulary';

/** An open profile and its handlers: every measured call goes through dispatch, as the app's do. */
export interface Opened {
  ctx: CoreContext;
  handlers: ReturnType<typeof createHandlers>;
}

export function open(dir: string): Opened {
  const ctx = openProfile(dir, { seed: false, user: 'bench' });
  return { ctx, handlers: createHandlers(ctx) };
}

export async function call<T>(opened: Opened, channel: string, input: unknown): Promise<T> {
  const result = await dispatch(opened.handlers, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.code} ${result.message}`);
  return result.data as T;
}

/** Raw FTS5, the floor our search is compared with: same MATCH text, same snippet, rank order. */
export const RAW_FTS_SQL = `SELECT rowid, snippet(entries_fts, -1, char(2), char(3), '…', 12) AS snippet
  FROM entries_fts WHERE entries_fts MATCH ? ORDER BY rank LIMIT 50`;

/**
 * For --explore: the core's search with its bm25 weights given to FTS5 as
 * the rank function, so FTS5 orders the hits itself and snippets are built
 * for the returned rows only (the core's ORDER BY bm25(...) sorts in a temp
 * b-tree after building a snippet for every match).
 */
export const RANK_ORDER_SQL = SEARCH_SQL.replace(
  'WHERE entries_fts MATCH ? AND',
  "WHERE entries_fts MATCH ? AND rank MATCH 'bm25(10.0, 1.0, 5.0)' AND",
).replace('ORDER BY bm25(entries_fts, 10.0, 1.0, 5.0)', 'ORDER BY rank');

/**
 * Empties the OS page cache, so the first open reads the file from disk.
 * Needs root (writes /proc/sys/vm/drop_caches); without it the open is a
 * fresh connection on a warm cache, and the report says so.
 */
export function dropOsCaches(enabled: boolean): boolean {
  if (!enabled) return false;
  try {
    fs.writeFileSync('/proc/sys/vm/drop_caches', '3');
    return true;
  } catch {
    return false;
  }
}

/** Open the profile and list the first page, five times: the first is the cold one. */
export async function measureOpenAndList(dir: string): Promise<number[]> {
  const runs: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const { ms, value } = await timed(async () => {
      const opened = open(dir);
      await call(opened, 'entries.list', { limit: 50 });
      return opened;
    });
    value.ctx.close();
    runs.push(ms);
  }
  return runs;
}

export interface SearchTimes {
  ours: number[];
  raw: number[];
  oursCpu: number[];
  rawCpu: number[];
  rankOrder: number[];
  rankOrderSameResults: boolean;
}

/**
 * Our search (dispatch 'search.query') and raw FTS5 on the same MATCH text,
 * interleaved query by query and alternating which goes first, so both see
 * the same cache state and the same background load.
 */
export async function measureSearch(opened: Opened, rng: Prng, rounds: number, explore: boolean): Promise<SearchTimes> {
  const raw = opened.ctx.db.prepare(RAW_FTS_SQL);
  const rankOrder = explore ? opened.ctx.db.prepare(RANK_ORDER_SQL) : null;
  let rankOrderSameResults = true;
  for (const q of QUERIES) {
    // Warm-up: the first use of each term pulls its doclists into the page cache.
    const hits = await call<SearchHit[]>(opened, 'search.query', { q });
    raw.all(toFtsQuery(q));
    if (rankOrder) {
      const alt = rankOrder.all(toFtsQuery(q), 50) as SearchHit[];
      if (alt.map((h) => h.entryId).join() !== hits.map((h) => h.entryId).join()) rankOrderSameResults = false;
    }
  }
  const times: SearchTimes = { ours: [], raw: [], oursCpu: [], rawCpu: [], rankOrder: [], rankOrderSameResults };
  for (let round = 0; round < rounds; round += 1) {
    for (const q of rng.sample(QUERIES, QUERIES.length)) {
      const match = toFtsQuery(q);
      const steps = [
        async () => {
          const t = await timed(() => call(opened, 'search.query', { q }));
          times.ours.push(t.ms);
          times.oursCpu.push(t.cpuMs);
        },
        async () => {
          const t = await timed(() => raw.all(match));
          times.raw.push(t.ms);
          times.rawCpu.push(t.cpuMs);
        },
      ];
      if (rankOrder) {
        steps.push(async () => {
          times.rankOrder.push((await timed(() => rankOrder.all(match, 50))).ms);
        });
      }
      if (round % 2 === 1) steps.reverse();
      for (const step of steps) await step();
    }
  }
  return times;
}

/** Median per query, ours against raw, slowest first: where a missed target comes from. */
export async function searchBreakdown(opened: Opened, raw: Database.Statement = opened.ctx.db.prepare(RAW_FTS_SQL)) {
  const count = opened.ctx.db.prepare('SELECT count(*) AS n FROM entries_fts WHERE entries_fts MATCH ?');
  const rows = [];
  for (const q of QUERIES) {
    const match = toFtsQuery(q);
    const o: number[] = [];
    const r: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      o.push((await timed(() => call(opened, 'search.query', { q }))).ms);
      r.push((await timed(() => raw.all(match))).ms);
    }
    rows.push({
      q,
      matches: (count.get(match) as { n: number }).n,
      ours_ms: round(median(o)),
      raw_ms: round(median(r)),
    });
  }
  return rows.sort((a, b) => b.ours_ms - a.ours_ms);
}

export async function measureOpenEntry(opened: Opened, ids: readonly string[], rng: Prng): Promise<number[]> {
  const times: number[] = [];
  for (const id of rng.sample(ids, Math.min(400, ids.length))) {
    times.push((await timed(() => call(opened, 'entries.get', { id }))).ms);
  }
  return times;
}

/** Appends typed words to the last paragraph, as a person typing between autosaves would. */
export function typeInto(content: LexicalState, rng: Prng): LexicalState {
  const next = structuredClone(content);
  const children = next.root.children ?? (next.root.children = []);
  const last = children[children.length - 1];
  const words = ` ${rng.pick(['viability', 'persisters', 'colonies', 'regrowth', 'µM', 'DMSO', 'day', 'cells'])} ${rng.int(1, 99)}`;
  if (last && last.type === 'paragraph') {
    const texts = (last.children ?? (last.children = [])) as LexicalNodeJson[];
    const tail = texts[texts.length - 1];
    if (tail && typeof tail.text === 'string') tail.text += words;
    else texts.push(text(words));
  } else {
    children.push(paragraph(words.trim()));
  }
  return next;
}

export interface AutosaveMode {
  name: string;
  synchronous: 'FULL' | 'NORMAL';
  /** False: no checkpoint inside a save; one runs after each burst, as an idle task would. */
  autoCheckpoint: boolean;
}

export interface AutosaveTimes {
  times: number[];
  /** The saves that also cut a timed revision (hashing and storing the whole document). */
  revisionSaveTimes: number[];
  savesThatCutRevision: number;
  avgDocBytes: number;
  idleCheckpoints: number[];
}

/**
 * Autosave bursts (entries.saveDraft through dispatch) on realistic entries.
 * Modes take turns entry by entry, so each sees the same background load;
 * the pragmas are set on the benchmark's own connection only.
 */
export async function measureAutosave(
  opened: Opened,
  ids: readonly string[],
  rng: Prng,
  modes: readonly AutosaveMode[],
  entriesPerMode: number,
  savesPerEntry: number,
): Promise<Record<string, AutosaveTimes>> {
  const { db } = opened.ctx;
  const before = {
    synchronous: db.pragma('synchronous', { simple: true }),
    auto: db.pragma('wal_autocheckpoint', { simple: true }),
  };
  const out: Record<string, AutosaveTimes> = {};
  for (const m of modes)
    out[m.name] = { times: [], revisionSaveTimes: [], savesThatCutRevision: 0, avgDocBytes: 0, idleCheckpoints: [] };
  const sample = rng.sample(ids, entriesPerMode * modes.length);
  try {
    for (let i = 0; i < sample.length; i += 1) {
      const mode = modes[i % modes.length] as AutosaveMode;
      const result = out[mode.name] as AutosaveTimes;
      db.pragma(`synchronous = ${mode.synchronous}`);
      db.pragma(`wal_autocheckpoint = ${mode.autoCheckpoint ? before.auto : 0}`);
      const entry = await call<Entry>(opened, 'entries.get', { id: sample[i] });
      let content = entry.content;
      let version = entry.draftVersion;
      for (let k = 0; k < savesPerEntry; k += 1) {
        content = typeInto(content, rng);
        const input = { id: entry.id, content, baseVersion: version };
        result.avgDocBytes += JSON.stringify(content).length;
        const { ms, value } = await timed(() =>
          call<{ draftVersion: number; revision: unknown }>(opened, 'entries.saveDraft', input),
        );
        result.times.push(ms);
        version = value.draftVersion;
        if (value.revision) {
          result.savesThatCutRevision += 1;
          result.revisionSaveTimes.push(ms);
        }
      }
      if (!mode.autoCheckpoint)
        result.idleCheckpoints.push((await timed(() => db.pragma('wal_checkpoint(PASSIVE)'))).ms);
    }
  } finally {
    db.pragma(`synchronous = ${before.synchronous as number}`);
    db.pragma(`wal_autocheckpoint = ${before.auto as number}`);
  }
  for (const m of modes) {
    const r = out[m.name] as AutosaveTimes;
    r.avgDocBytes = Math.round(r.avgDocBytes / Math.max(1, r.times.length));
  }
  return out;
}

/**
 * How many bytes one autosave appends to the WAL: checkpoints are held off
 * while 50 saves run, so the file's growth is exactly what they wrote.
 */
export async function measureWalPerSave(opened: Opened, ids: readonly string[], rng: Prng): Promise<number> {
  const { db, profileDir } = opened.ctx;
  const wal = `${databasePath(profileDir)}-wal`;
  const auto = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const entry = await call<Entry>(opened, 'entries.get', { id: rng.pick(ids) });
    let content = typeInto(entry.content, rng);
    // The first save cuts a timed revision; leave it out of the count.
    await call(opened, 'entries.saveDraft', { id: entry.id, content });
    const start = fs.statSync(wal).size;
    const saves = 50;
    for (let i = 0; i < saves; i += 1) {
      content = typeInto(content, rng);
      await call(opened, 'entries.saveDraft', { id: entry.id, content });
    }
    return (fs.statSync(wal).size - start) / saves;
  } finally {
    db.pragma(`wal_autocheckpoint = ${auto}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
}
