/**
 * Child process for test/unit/sync-faults.test.ts: opens a profile, and
 * until the parent kills it with SIGKILL, keeps changing a few entries (new
 * revisions) and syncing them to the target, with small state batches and
 * frequent manifest writes so that a kill lands anywhere: mid-file, between
 * rename and fsync, between a file and its state, mid-manifest.
 *
 * usage: node --import tsx test/unit/sync-kill-child.ts PROFILE_DIR SHARE_DIR SEED
 */
import { openProfile } from '../../electron/core/lazy';
import { findFolderTarget, runSync } from '../../electron/core/sync/index';
import { renameEntry } from '../../electron/core/entries';
import { Prng } from '../../scripts/bench/prng';

const [profileDir, shareDir, seedText] = process.argv.slice(2);
if (!profileDir || !shareDir) {
  process.stderr.write('usage: sync-kill-child.ts PROFILE_DIR SHARE_DIR SEED\n');
  process.exit(2);
}
const rng = new Prng(Number(seedText ?? 1));
const ctx = openProfile(profileDir, { user: 'kill-test', seed: false });
const info = findFolderTarget(ctx, shareDir);
const ids = (ctx.db.prepare('SELECT id FROM entries WHERE deleted_at IS NULL').all() as Array<{ id: string }>).map(
  (r) => r.id,
);
process.stdout.write('ready\n');

for (let round = 0; ; round += 1) {
  for (let i = 0; i < 15; i += 1) {
    const id = ids[rng.int(0, ids.length - 1)]!;
    renameEntry(ctx, id, `Passage ${id.slice(-5)} r${round}-${i}-${rng.int(0, 1e6)}`);
  }
  const report = await runSync(ctx, info, {
    stateBatch: rng.int(1, 20),
    manifestEveryMs: rng.int(0, 30),
    staleTempMs: 0,
  });
  if (!report.ok) {
    process.stderr.write(`sync failed: ${report.failure?.kind} ${report.failure?.message}\n`);
    process.exit(1);
  }
}
