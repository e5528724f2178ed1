/**
 * Sync and .eln figures for `npm run bench`: on a copy of the bench profile
 * (10,000 entries, 100,000 revisions), a full sync to an empty folder
 * target (record.json files only), a no-op rerun, and an .eln export of
 * every entry. Run alone: node --import tsx scripts/bench/sync.ts [--entries N]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { databasePath, openProfile } from '../../electron/core/index';
import { exportEln } from '../../electron/core/eln/index';
import { addFolderTarget, runSync } from '../../electron/core/sync/index';
import { cachedProfile } from './seed-profile';
import { rawAtomicWritesPerSecond } from './sync-raw';
import { median, round } from './stats';

export interface SyncBenchResult {
  sync_entries: number;
  sync_full_seconds: number;
  sync_full_entries_per_s: number;
  /** The bare filesystem doing the same atomic writes (files of the records' mean size), in the same run. */
  sync_raw_atomic_writes_per_s: number;
  /** sync_full_entries_per_s / sync_raw_atomic_writes_per_s: how much of the disk's speed the engine uses. */
  sync_vs_raw_writes_ratio: number;
  sync_share_mb: number;
  sync_noop_10k_ms: number;
  sync_noop_runs_ms: number[];
  eln_export_10k_s: number;
  eln_export_mb: number;
  sync_targets: { sync_noop_under_100_ms: boolean; sync_full_at_least_1000_entries_per_s: boolean };
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    const stat = fs.statSync(full);
    total += stat.isDirectory() ? folderBytes(full) : stat.size;
  }
  return total;
}

function flushToDisk(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Measures on a fresh copy of the profile in `cachedDir`; the share and the export go to temp folders. */
export async function measureSync(cachedDir: string, progress: (message: string) => void): Promise<SyncBenchResult> {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'persist-bench-sync-'));
  const share = path.join(runDir, 'share');
  fs.mkdirSync(share);
  const profileDir = path.join(runDir, 'profile');
  fs.mkdirSync(profileDir);
  fs.copyFileSync(databasePath(cachedDir), databasePath(profileDir), fs.constants.COPYFILE_FICLONE);
  // The copy (about 700 MB) is on disk before the clock starts: left to the kernel's writeback, it
  // was written during the measured run and every fsync of the sync waited for part of it.
  flushToDisk(databasePath(profileDir));
  const ctx = openProfile(profileDir, { seed: false, user: 'bench' });
  try {
    const target = await addFolderTarget(ctx, share);
    progress('sync: full run to an empty folder…');
    let started = performance.now();
    const full = await runSync(ctx, target);
    const fullSeconds = (performance.now() - started) / 1000;
    if (!full.ok) throw new Error(`sync failed: ${full.failure?.message}`);

    progress('sync: no-op reruns…');
    const noop: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      started = performance.now();
      const again = await runSync(ctx, target);
      noop.push(performance.now() - started);
      if (again.written !== 0 || again.manifestWritten) throw new Error('a no-op sync wrote something');
    }

    progress('.eln export of every entry…');
    const elnFile = path.join(runDir, 'all.eln');
    started = performance.now();
    await exportEln(ctx, elnFile);
    const exportSeconds = (performance.now() - started) / 1000;
    flushToDisk(elnFile); // as above, so that the reference below does not write it back

    const noopMedian = median(noop.slice(2)); // the first runs warm the page cache and the statement cache
    const perSecond = full.written / fullSeconds;
    progress('sync: the bare filesystem doing the same writes…');
    const shareBytes = folderBytes(share);
    const raw = await rawAtomicWritesPerSecond(
      path.join(runDir, 'raw'),
      full.written,
      Math.round(shareBytes / Math.max(1, full.written)),
    );
    return {
      sync_entries: full.written,
      sync_full_seconds: round(fullSeconds),
      sync_full_entries_per_s: Math.round(perSecond),
      sync_raw_atomic_writes_per_s: Math.round(raw),
      sync_vs_raw_writes_ratio: round(perSecond / raw),
      sync_share_mb: round(shareBytes / 1_048_576),
      sync_noop_10k_ms: round(noopMedian),
      sync_noop_runs_ms: noop.map((t) => round(t)),
      eln_export_10k_s: round(exportSeconds),
      eln_export_mb: round(fs.statSync(elnFile).size / 1_048_576),
      sync_targets: {
        sync_noop_under_100_ms: noopMedian < 100,
        sync_full_at_least_1000_entries_per_s: perSecond >= 1000,
      },
    };
  } finally {
    ctx.close();
    fs.rmSync(runDir, { recursive: true, force: true });
  }
}

export function renderSyncTable(r: SyncBenchResult): string {
  return [
    '',
    `sync, full (${r.sync_entries} entries, ${r.sync_share_mb} MB)   ${r.sync_full_seconds} s = ${r.sync_full_entries_per_s} entries/s (target >= 1000)`,
    `bare filesystem, same atomic writes     ${r.sync_raw_atomic_writes_per_s} files/s (sync reaches ${r.sync_vs_raw_writes_ratio} of it)`,
    `sync, no-op rerun                       ${r.sync_noop_10k_ms} ms (target < 100)`,
    `.eln export, every entry                ${r.eln_export_10k_s} s (${r.eln_export_mb} MB)`,
    '',
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { entries: { type: 'string', default: '10000' }, revisions: { type: 'string', default: '100000' } },
  });
  const progress = (m: string) => process.stderr.write(`bench: ${m}\n`);
  const cacheRoot = process.env.PERSIST_BENCH_CACHE ?? path.join(os.tmpdir(), 'persist-bench');
  const { dir } = cachedProfile(
    cacheRoot,
    { entries: Number(values.entries), revisions: Number(values.revisions), seed: 20261126 },
    false,
    progress,
  );
  const result = await measureSync(dir, progress);
  process.stdout.write(`${JSON.stringify(result)}\n${renderSyncTable(result)}`);
}
