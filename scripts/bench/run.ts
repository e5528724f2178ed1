/**
 * `npm run bench [-- --json]`: measures the notebook engine on a large,
 * realistic profile (10,000 entries, 100,000 revisions by default). See
 * docs/PERFORMANCE.md for what each figure means and the targets.
 *
 * With --json, stdout carries exactly one JSON object; progress goes to stderr.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { databasePath } from '../../electron/core/index';
import { Prng } from './prng';
import { renderTable, type BenchResult } from './report';
import { BENCH_DATA_VERSION, cachedProfile } from './seed-profile';
import { median, percentile, round } from './stats';
import {
  dropOsCaches,
  measureAutosave,
  measureOpenAndList,
  measureOpenEntry,
  measureSearch,
  measureWalPerSave,
  open,
  searchBreakdown,
  type AutosaveMode,
} from './measure';
import { QUERIES } from './vocabulary';
import { runEditorBench } from './editor/bench';
import { renderEditorTable } from './editor/report';
import { measureStructured } from './structured';
import { measureSync, renderSyncTable, type SyncBenchResult } from './sync';
import { renderPdfTable, runPdfBench } from './pdf';

const USAGE = `usage: npm run bench -- [--json] [--explore] [--entries N] [--revisions N] [--seed N]
                        [--rounds N] [--cache DIR] [--reseed] [--no-drop-caches]
                        [--only core|editor|pdf] [--opens N] [--keystrokes N] [--blocks N] [--no-blocks]

Seeds (or reuses from the cache) a profile, then measures open+list, search,
autosave and opening an entry through the real handler path.
  --json            print one JSON object on stdout (progress goes to stderr)
  --explore         also measure alternatives the core could adopt (see docs/PERFORMANCE.md)
  --rounds N        search and structured-query rounds over all queries (default 10)
  --blocks N        protocol blocks in the structured-query profile (default 100000)
  --no-blocks       skip the structured-query profile (query.run, autosave with 20 blocks)
  --cache DIR       where seeded profiles are kept (default $PERSIST_BENCH_CACHE or the temp dir)
  --reseed          rebuild the cached profile
  --no-drop-caches  do not empty the OS page cache before the cold open (it needs root)
  --only core|editor|pdf  run only the core, the editor or the PDF benches (the last two in headless Chromium)
  --opens N         editor: opens of the entry with 20 protocol blocks (default 10)
  --keystrokes N    editor: measured keystrokes per editor, Persist and bare Lexical (default 360)
`;

function onlyOf(value: string | undefined): 'core' | 'editor' | 'pdf' | null {
  if (value === undefined) return null;
  if (value === 'core' || value === 'editor' || value === 'pdf') return value;
  throw new Error('--only must be core, editor or pdf');
}

function parse() {
  try {
    const { values } = parseArgs({
      options: {
        json: { type: 'boolean', default: false },
        explore: { type: 'boolean', default: false },
        entries: { type: 'string', default: '10000' },
        revisions: { type: 'string', default: '100000' },
        seed: { type: 'string', default: '20261126' },
        rounds: { type: 'string', default: '10' },
        blocks: { type: 'string', default: '100000' },
        'no-blocks': { type: 'boolean', default: false },
        cache: { type: 'string' },
        reseed: { type: 'boolean', default: false },
        'no-drop-caches': { type: 'boolean', default: false },
        only: { type: 'string' },
        opens: { type: 'string', default: '10' },
        keystrokes: { type: 'string', default: '360' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    });
    const toInt = (name: string, value: string): number => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number`);
      return n;
    };
    return {
      ...values,
      entries: toInt('entries', values.entries),
      revisions: toInt('revisions', values.revisions),
      seed: toInt('seed', values.seed),
      rounds: toInt('rounds', values.rounds),
      blocks: toInt('blocks', values.blocks),
      only: onlyOf(values.only),
      opens: toInt('opens', values.opens),
      keystrokes: toInt('keystrokes', values.keystrokes),
    };
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
}

const progress = (message: string) => process.stderr.write(`bench: ${message}\n`);

function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

async function runCore(args: ReturnType<typeof parse>): Promise<BenchResult> {
  const cacheRoot = args.cache ?? process.env.PERSIST_BENCH_CACHE ?? path.join(os.tmpdir(), 'persist-bench');
  const loadBefore = os.loadavg();
  const {
    dir: cachedDir,
    info,
    fromCache,
  } = cachedProfile(
    cacheRoot,
    { entries: args.entries, revisions: args.revisions, seed: args.seed },
    args.reseed,
    progress,
  );
  progress(fromCache ? `using cached profile ${cachedDir}` : `seeded in ${info.seedSeconds.toFixed(1)} s`);

  // Measure on a copy, so every run starts from the same bytes whatever earlier runs wrote.
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'persist-bench-run-'));
  try {
    const dbFile = databasePath(runDir);
    fs.copyFileSync(databasePath(cachedDir), dbFile, fs.constants.COPYFILE_FICLONE);
    // Flush the copy now, or the kernel writes it back during the autosave runs and skews every fsync.
    syncFile(dbFile);
    const rng = new Prng(args.seed ^ 0x5eed);

    progress('open + list…');
    const cacheDropped = dropOsCaches(!args['no-drop-caches']);
    const openRuns = await measureOpenAndList(runDir);

    const opened = open(runDir);
    try {
      const ids = (
        opened.ctx.db.prepare('SELECT id FROM entries WHERE deleted_at IS NULL').all() as Array<{ id: string }>
      ).map((r) => r.id);

      progress('search…');
      const search = await measureSearch(opened, rng, args.rounds, args.explore);
      const slowest = (await searchBreakdown(opened)).slice(0, 5);

      progress('open entry…');
      const getTimes = await measureOpenEntry(opened, ids, rng);

      progress('autosave…');
      const modes: AutosaveMode[] = [
        { name: 'full', synchronous: 'FULL', autoCheckpoint: true },
        { name: 'normal', synchronous: 'NORMAL', autoCheckpoint: true },
      ];
      if (args.explore) {
        modes.push(
          { name: 'full_idle_checkpoint', synchronous: 'FULL', autoCheckpoint: false },
          { name: 'normal_idle_checkpoint', synchronous: 'NORMAL', autoCheckpoint: false },
        );
      }
      // 100 saves per entry: about one save in a hundred also cuts a timed revision, as in real editing.
      const autosave = await measureAutosave(opened, ids, rng, modes, 10, 100);
      const walPerSave = args.explore ? await measureWalPerSave(opened, ids, rng) : null;

      const full = autosave.full as NonNullable<(typeof autosave)['full']>;
      const normal = autosave.normal as NonNullable<(typeof autosave)['normal']>;
      const searchP95 = percentile(search.ours, 95);
      const rawP95 = percentile(search.raw, 95);
      const autosaveP99 = percentile(full.times, 99);
      const cpus = os.cpus();
      const result: BenchResult = {
        date: new Date().toISOString(),
        bench_data_version: BENCH_DATA_VERSION,
        entries: info.entries,
        revisions: info.revisions,
        notebooks: info.notebooks,
        trashed_entries: info.trashed,
        words: info.words,
        database_mb: round(info.databaseBytes / 1_048_576),
        seeded_from_cache: fromCache,
        seed_seconds: round(info.seedSeconds),
        verify_chains_seconds: round(info.verifySeconds),
        open_db_and_list_ms: round(openRuns[0] as number),
        open_db_and_list_os_cache_dropped: cacheDropped,
        open_db_and_list_warm_median_ms: round(median(openRuns.slice(1))),
        search_queries: QUERIES.length,
        search_samples: search.ours.length,
        search_p50_ms: round(percentile(search.ours, 50)),
        search_p95_ms: round(searchP95),
        search_max_ms: round(Math.max(...search.ours)),
        raw_fts_p50_ms: round(percentile(search.raw, 50)),
        raw_fts_p95_ms: round(rawP95),
        search_vs_raw_fts_ratio: Number((searchP95 / rawP95).toFixed(2)),
        search_cpu_p95_ms: round(percentile(search.oursCpu, 95)),
        raw_fts_cpu_p95_ms: round(percentile(search.rawCpu, 95)),
        search_vs_raw_fts_cpu_ratio: Number(
          (percentile(search.oursCpu, 95) / percentile(search.rawCpu, 95)).toFixed(2),
        ),
        search_slowest_queries: slowest,
        autosave_samples: full.times.length,
        autosave_avg_doc_kb: round(full.avgDocBytes / 1024),
        autosave_p50_ms: round(percentile(full.times, 50)),
        autosave_p99_ms: round(autosaveP99),
        autosave_max_ms: round(Math.max(...full.times)),
        autosave_saves_that_cut_a_revision: full.savesThatCutRevision,
        autosave_revision_save_p50_ms: round(percentile(full.revisionSaveTimes, 50)),
        autosave_p99_without_revision_saves_ms: round(
          percentile(
            full.times.filter((t) => !full.revisionSaveTimes.includes(t)),
            99,
          ),
        ),
        autosave_synchronous: 'FULL',
        autosave_normal_p50_ms: round(percentile(normal.times, 50)),
        autosave_normal_p99_ms: round(percentile(normal.times, 99)),
        open_entry_samples: getTimes.length,
        open_entry_p50_ms: round(percentile(getTimes, 50)),
        open_entry_p95_ms: round(percentile(getTimes, 95)),
        targets: {
          search_p95_under_20_ms: searchP95 < 20,
          search_within_1_5x_raw_fts: searchP95 / rawP95 <= 1.5,
          autosave_p99_under_10_ms: autosaveP99 < 10,
        },
        machine: {
          cpus: cpus.length,
          cpu_model: cpus[0]?.model ?? 'unknown',
          memory_gb: round(os.totalmem() / 1024 ** 3),
          platform: `${os.platform()} ${os.release()} ${os.arch()}`,
          node: process.version,
          sqlite: (opened.ctx.db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
          // Other work on the machine shows up in tail latencies; this says how busy it was.
          load_average_before: loadBefore.map((l) => round(l)),
          load_average_after: os.loadavg().map((l) => round(l)),
        },
      };
      if (args.explore) {
        const idleFull = autosave.full_idle_checkpoint as NonNullable<(typeof autosave)['full']>;
        const idleNormal = autosave.normal_idle_checkpoint as NonNullable<(typeof autosave)['full']>;
        result.explore = {
          search_rank_order_p50_ms: round(percentile(search.rankOrder, 50)),
          search_rank_order_p95_ms: round(percentile(search.rankOrder, 95)),
          search_rank_order_vs_raw_fts_ratio: Number((percentile(search.rankOrder, 95) / rawP95).toFixed(2)),
          search_rank_order_same_results: search.rankOrderSameResults,
          autosave_full_idle_checkpoint_p50_ms: round(percentile(idleFull.times, 50)),
          autosave_full_idle_checkpoint_p99_ms: round(percentile(idleFull.times, 99)),
          autosave_normal_idle_checkpoint_p50_ms: round(percentile(idleNormal.times, 50)),
          autosave_normal_idle_checkpoint_p99_ms: round(percentile(idleNormal.times, 99)),
          idle_checkpoint_after_100_saves_p50_ms: round(
            percentile([...idleFull.idleCheckpoints, ...idleNormal.idleCheckpoints], 50),
          ),
          autosave_wal_kb_per_save: round((walPerSave ?? 0) / 1024),
        };
      }
      if (!args['no-blocks']) {
        result.structured = await measureStructured(
          { cacheRoot, blocks: args.blocks, seed: args.seed, rounds: args.rounds, reseed: args.reseed },
          rng,
          progress,
        );
        result.machine.load_average_after = os.loadavg().map((l) => round(l));
      }
      // Sync to a folder and .eln export (docs/SYNC.md): flat keys sync_* and eln_* in the JSON.
      Object.assign(result, await measureSync(cachedDir, progress));
      return result;
    } finally {
      opened.ctx.close();
    }
  } finally {
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = parse();
  if (args.help) {
    process.stdout.write(USAGE);
    return;
  }
  const core = args.only === 'editor' || args.only === 'pdf' ? null : await runCore(args);
  const editor =
    args.only === 'core' || args.only === 'pdf'
      ? null
      : await runEditorBench({ opens: args.opens, keystrokes: args.keystrokes, seed: args.seed, progress });
  const pdf = args.only === null || args.only === 'pdf' ? await runPdfBench({ rounds: args.rounds, progress }) : null;
  // One JSON object either way: the editor figures under "editor", the PDF figures under "pdf".
  const json = {
    ...(core ?? { date: new Date().toISOString() }),
    ...(editor ? { editor } : {}),
    ...(pdf ? { pdf } : {}),
  };
  const syncTable = core && 'sync_noop_10k_ms' in core ? renderSyncTable(core as unknown as SyncBenchResult) : '';
  const table = [
    core ? renderTable(core) + syncTable : '',
    editor ? renderEditorTable(editor) : '',
    pdf ? renderPdfTable(pdf) : '',
  ]
    .filter(Boolean)
    .join('\n');
  process.stdout.write(args.json ? `${JSON.stringify(json)}\n` : table);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
