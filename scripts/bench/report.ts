/** The benchmark's result: the JSON printed by --json, and the source of the readable table. */
export interface BenchResult {
  date: string;
  bench_data_version: number;
  entries: number;
  revisions: number;
  notebooks: number;
  trashed_entries: number;
  words: number;
  database_mb: number;
  seeded_from_cache: boolean;
  seed_seconds: number;
  verify_chains_seconds: number;
  open_db_and_list_ms: number;
  open_db_and_list_os_cache_dropped: boolean;
  open_db_and_list_warm_median_ms: number;
  search_queries: number;
  search_samples: number;
  search_p50_ms: number;
  search_p95_ms: number;
  search_max_ms: number;
  raw_fts_p50_ms: number;
  raw_fts_p95_ms: number;
  search_vs_raw_fts_ratio: number;
  search_cpu_p95_ms: number;
  raw_fts_cpu_p95_ms: number;
  search_vs_raw_fts_cpu_ratio: number;
  search_slowest_queries: Array<{ q: string; matches: number; ours_ms: number; raw_ms: number }>;
  autosave_samples: number;
  autosave_avg_doc_kb: number;
  autosave_p50_ms: number;
  autosave_p99_ms: number;
  autosave_max_ms: number;
  autosave_saves_that_cut_a_revision: number;
  autosave_revision_save_p50_ms: number;
  autosave_p99_without_revision_saves_ms: number;
  autosave_synchronous: 'FULL';
  autosave_normal_p50_ms: number;
  autosave_normal_p99_ms: number;
  open_entry_samples: number;
  open_entry_p50_ms: number;
  open_entry_p95_ms: number;
  targets: {
    search_p95_under_20_ms: boolean;
    search_within_1_5x_raw_fts: boolean;
    autosave_p99_under_10_ms: boolean;
  };
  machine: {
    cpus: number;
    cpu_model: string;
    memory_gb: number;
    platform: string;
    node: string;
    sqlite: string;
    load_average_before: number[];
    load_average_after: number[];
  };
  explore?: Record<string, number | boolean>;
  /** The structured-query profile (absent with --no-blocks). */
  structured?: StructuredResult;
}

/** Figures of the structured-query profile (scripts/bench/structured.ts). */
export interface StructuredResult {
  blocks: number;
  blocks_per_entry: number;
  block_values_rows: number;
  block_links_rows: number;
  blocks_database_mb: number;
  blocks_seeded_from_cache: boolean;
  blocks_seed_seconds: number;
  structured_queries: number;
  structured_query_samples: number;
  structured_query_p50_ms: number;
  structured_query_p95_ms: number;
  structured_query_max_ms: number;
  structured_query_p95_by_kind_ms: Record<string, number>;
  structured_query_raw_p50_ms: number;
  structured_query_raw_p95_ms: number;
  structured_query_vs_raw_ratio: number;
  structured_query_cpu_p95_ms: number;
  structured_query_raw_cpu_p95_ms: number;
  structured_query_vs_raw_cpu_ratio: number;
  structured_query_per_query: Array<{
    expr: string;
    kind: string;
    hits: number;
    strategy: string;
    ours_ms: number;
    raw_ms: number;
  }>;
  autosave_20_blocks_samples: number;
  autosave_20_blocks_doc_kb: number;
  autosave_20_blocks_p50_ms: number;
  autosave_20_blocks_p99_ms: number;
  autosave_20_blocks_value_edit_samples: number;
  autosave_20_blocks_value_edit_p50_ms: number;
  autosave_20_blocks_value_edit_p99_ms: number;
  targets: { structured_query_p95_under_15_ms: boolean; autosave_20_blocks_p99_under_10_ms: boolean };
}

const met = (ok: boolean) => (ok ? 'met' : 'MISSED');

export function renderTable(r: BenchResult): string {
  const rows: Array<[string, string, string]> = [
    [
      'profile',
      `${r.entries} entries, ${r.revisions} revisions, ${r.database_mb} MB`,
      r.seeded_from_cache ? 'from cache' : `seeded in ${r.seed_seconds} s`,
    ],
    [
      'open db + list first page (cold)',
      `${r.open_db_and_list_ms} ms`,
      r.open_db_and_list_os_cache_dropped ? 'OS page cache dropped first' : 'OS page cache warm',
    ],
    ['open db + list (warm, median)', `${r.open_db_and_list_warm_median_ms} ms`, ''],
    [
      'search p50 / p95 (search.query)',
      `${r.search_p50_ms} / ${r.search_p95_ms} ms`,
      `target p95 < 20 ms: ${met(r.targets.search_p95_under_20_ms)}`,
    ],
    ['raw FTS5 p50 / p95', `${r.raw_fts_p50_ms} / ${r.raw_fts_p95_ms} ms`, ''],
    [
      'search / raw FTS5, CPU time (p95)',
      `${r.search_cpu_p95_ms} / ${r.raw_fts_cpu_p95_ms} ms`,
      `${r.search_vs_raw_fts_cpu_ratio}x (immune to other load)`,
    ],
    [
      'search / raw FTS5 (p95)',
      `${r.search_vs_raw_fts_ratio}x`,
      `target <= 1.5x: ${met(r.targets.search_within_1_5x_raw_fts)}`,
    ],
    [
      'autosave p50 / p99 (synchronous=FULL)',
      `${r.autosave_p50_ms} / ${r.autosave_p99_ms} ms`,
      `target p99 < 10 ms: ${met(r.targets.autosave_p99_under_10_ms)}`,
    ],
    [
      '  saves that also cut a revision (p50)',
      `${r.autosave_revision_save_p50_ms} ms`,
      `${r.autosave_saves_that_cut_a_revision} of ${r.autosave_samples} saves; p99 of the others ${r.autosave_p99_without_revision_saves_ms} ms`,
    ],
    [
      'autosave p50 / p99 (synchronous=NORMAL)',
      `${r.autosave_normal_p50_ms} / ${r.autosave_normal_p99_ms} ms`,
      'comparison only',
    ],
    ['open entry p50 / p95 (entries.get)', `${r.open_entry_p50_ms} / ${r.open_entry_p95_ms} ms`, ''],
  ];
  const w0 = Math.max(...rows.map((row) => row[0].length));
  const w1 = Math.max(...rows.map((row) => row[1].length));
  const m = r.machine;
  const lines = [
    `Persist benchmark, ${r.date}`,
    `machine: ${m.cpus} x ${m.cpu_model}, ${m.memory_gb} GB, ${m.platform}, Node ${m.node}, SQLite ${m.sqlite}`,
    `load average before / after: ${m.load_average_before.join(' ')} / ${m.load_average_after.join(' ')}`,
    '',
    ...rows.map(([a, b, c]) => `${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`.trimEnd()),
    '',
    'slowest search queries (median of 5):',
    ...r.search_slowest_queries.map(
      (s) => `  "${s.q}": ${s.matches} matches, ours ${s.ours_ms} ms, raw ${s.raw_ms} ms`,
    ),
  ];
  const q = r.structured;
  if (q) {
    const kinds = Object.entries(q.structured_query_p95_by_kind_ms)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    lines.push(
      '',
      `structured queries: ${q.blocks} blocks (${q.blocks_per_entry} per entry), ${q.block_values_rows} indexed values, ${q.blocks_database_mb} MB${q.blocks_seeded_from_cache ? ' (from cache)' : `, seeded in ${q.blocks_seed_seconds} s`}`,
      `  query.run p50 / p95: ${q.structured_query_p50_ms} / ${q.structured_query_p95_ms} ms (target p95 < 15 ms: ${met(q.targets.structured_query_p95_under_15_ms)}); max ${q.structured_query_max_ms} ms`,
      `  p95 by kind (ms): ${kinds}`,
      `  raw SQL p50 / p95: ${q.structured_query_raw_p50_ms} / ${q.structured_query_raw_p95_ms} ms; ratio ${q.structured_query_vs_raw_ratio}x (CPU time ${q.structured_query_vs_raw_cpu_ratio}x)`,
      `  autosave with 20 blocks, typing p50 / p99: ${q.autosave_20_blocks_p50_ms} / ${q.autosave_20_blocks_p99_ms} ms (target p99 < 10 ms: ${met(q.targets.autosave_20_blocks_p99_under_10_ms)}); ${q.autosave_20_blocks_doc_kb} KB documents`,
      `  autosave with 20 blocks, one value changed p50 / p99: ${q.autosave_20_blocks_value_edit_p50_ms} / ${q.autosave_20_blocks_value_edit_p99_ms} ms`,
      '  per query (median ms, ours / raw):',
      ...q.structured_query_per_query.map(
        (x) =>
          `    ${x.expr.padEnd(50)} ${x.kind.padEnd(8)} ${x.strategy.padEnd(4)} ${String(x.hits).padStart(3)} hits  ${x.ours_ms} / ${x.raw_ms}`,
      ),
    );
  }
  if (r.explore) {
    lines.push('', 'explore (alternatives the core could adopt):');
    for (const [key, value] of Object.entries(r.explore)) lines.push(`  ${key}: ${String(value)}`);
  }
  return `${lines.join('\n')}\n`;
}
