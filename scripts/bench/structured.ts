import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { databasePath } from '../../electron/core/index';
import { open } from './measure';
import { STRUCTURED_QUERIES, measureBlockAutosave, measureStructuredQueries } from './measure-blocks';
import type { Prng } from './prng';
import type { StructuredResult } from './report';
import { BLOCKS_PER_ENTRY, cachedBlocksProfile } from './seed-blocks';
import { percentile, round } from './stats';

function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The structured-query part of `npm run bench`: on a profile of protocol
 * blocks (100,000 by default, cached like the main profile), query.run
 * against the same SQL run raw, and autosave of entries holding 20 blocks.
 * Runs on a fresh copy of the cached file.
 */
export async function measureStructured(
  options: { cacheRoot: string; blocks: number; seed: number; rounds: number; reseed: boolean },
  rng: Prng,
  progress: (message: string) => void,
): Promise<StructuredResult> {
  const { dir, info, fromCache } = cachedBlocksProfile(
    options.cacheRoot,
    { blocks: options.blocks, seed: options.seed },
    options.reseed,
    progress,
  );
  progress(fromCache ? `using cached blocks profile ${dir}` : `seeded blocks in ${info.seedSeconds.toFixed(1)} s`);
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'persist-bench-blocks-'));
  try {
    const dbFile = databasePath(runDir);
    fs.copyFileSync(databasePath(dir), dbFile, fs.constants.COPYFILE_FICLONE);
    syncFile(dbFile);
    const opened = open(runDir);
    try {
      progress('structured queries…');
      const q = await measureStructuredQueries(opened, rng, options.rounds);
      progress('autosave with 20 blocks…');
      const entryIds = (
        opened.ctx.db.prepare('SELECT DISTINCT entry_id FROM blocks ORDER BY entry_id').all() as Array<{
          entry_id: string;
        }>
      ).map((r) => r.entry_id);
      const autosave = await measureBlockAutosave(opened, rng.sample(entryIds, 10), rng, 100);
      const p95 = percentile(q.ours, 95);
      const rawP95 = percentile(q.raw, 95);
      const byKind: Record<string, number> = {};
      for (const [kind, samples] of Object.entries(q.byKind)) byKind[kind] = round(percentile(samples, 95));
      const typingP99 = percentile(autosave.typing, 99);
      return {
        blocks: info.blocks,
        blocks_per_entry: BLOCKS_PER_ENTRY,
        block_values_rows: info.valueRows,
        block_links_rows: info.linkRows,
        blocks_database_mb: round(info.databaseBytes / 1_048_576),
        blocks_seeded_from_cache: fromCache,
        blocks_seed_seconds: round(info.seedSeconds),
        structured_queries: STRUCTURED_QUERIES.length,
        structured_query_samples: q.ours.length,
        structured_query_p50_ms: round(percentile(q.ours, 50)),
        structured_query_p95_ms: round(p95),
        structured_query_max_ms: round(Math.max(...q.ours)),
        structured_query_p95_by_kind_ms: byKind,
        structured_query_raw_p50_ms: round(percentile(q.raw, 50)),
        structured_query_raw_p95_ms: round(rawP95),
        structured_query_vs_raw_ratio: Number((p95 / rawP95).toFixed(2)),
        structured_query_cpu_p95_ms: round(percentile(q.oursCpu, 95)),
        structured_query_raw_cpu_p95_ms: round(percentile(q.rawCpu, 95)),
        structured_query_vs_raw_cpu_ratio: Number((percentile(q.oursCpu, 95) / percentile(q.rawCpu, 95)).toFixed(2)),
        structured_query_per_query: q.perQuery,
        autosave_20_blocks_samples: autosave.typing.length,
        autosave_20_blocks_doc_kb: round(autosave.avgDocBytes / 1024),
        autosave_20_blocks_p50_ms: round(percentile(autosave.typing, 50)),
        autosave_20_blocks_p99_ms: round(typingP99),
        autosave_20_blocks_value_edit_samples: autosave.valueEdits.length,
        autosave_20_blocks_value_edit_p50_ms: round(percentile(autosave.valueEdits, 50)),
        autosave_20_blocks_value_edit_p99_ms: round(percentile(autosave.valueEdits, 99)),
        targets: {
          structured_query_p95_under_15_ms: p95 < 15,
          autosave_20_blocks_p99_under_10_ms: typingP99 < 10,
        },
      };
    } finally {
      opened.ctx.close();
    }
  } finally {
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}
