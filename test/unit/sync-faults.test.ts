import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { verifyChains, type CoreContext } from '../../electron/core/index';
import {
  FolderTarget,
  NODE_FILE_OPS,
  addFolderTarget,
  runSync,
  verifyShare,
  type FileOps,
  type SyncReport,
} from '../../electron/core/sync/index';
import { tempDir, tempProfile } from '../support/temp-profile';
import { addEntries, errnoError, partialFiles, snapshot } from './sync-support';

/**
 * Faults on real folders. Where the machine lets the test mount (root in a
 * sandbox that allows it), the share is a real mount: a bind mount that is
 * unmounted mid-run, a tmpfs remounted read-only mid-run, a tiny tmpfs that
 * fills up. Elsewhere those become a folder renamed away mid-run and errors
 * raised at the lowest file layer (FileOps: EROFS, ENOSPC), and the test
 * name says so. (chmod cannot stand in: the tests may run as root, which
 * ignores file modes.) The injected variants run everywhere as well.
 */

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
const mounted: string[] = [];
afterAll(() => mounted.splice(0).forEach((dir) => run('umount', ['-l', dir])));

function run(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const CAN_MOUNT = (() => {
  const probe = tempDir('persist-mount-probe-');
  try {
    if (!run('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe.dir])) return false;
    run('umount', [probe.dir]);
    return true;
  } finally {
    probe.cleanup();
  }
})();
const how = CAN_MOUNT ? 'real mount' : 'fault injection (no mount permission here)';

function mount(args: string[], dir: string): void {
  if (!run('mount', [...args, dir])) throw new Error(`mount ${args.join(' ')} ${dir} failed`);
  if (!mounted.includes(dir)) mounted.push(dir);
}
function unmount(dir: string): void {
  run('umount', ['-l', dir]);
  mounted.splice(mounted.indexOf(dir), 1);
}

const FAST_RETRY = { attempts: 2, baseDelayMs: 1 };

function setup(entries: number) {
  const ctx = tempProfile({ seed: false });
  const root = tempDir('persist-faults-');
  cleanups.push(() => {
    for (const dir of [...mounted]) if (dir.startsWith(root.dir)) unmount(dir);
    ctx.cleanup();
    root.cleanup();
  });
  const ids = addEntries(ctx, entries);
  return { ctx, root: root.dir, ids };
}

/** Every SQLite state row names a file that is on the share with that hash: state never runs ahead of the files. */
function stateMatchesShare(ctx: CoreContext, share: string, folder: string): void {
  const rows = ctx.db.prepare('SELECT entry_id, file_sha256 FROM sync_state').all() as Array<{
    entry_id: string;
    file_sha256: string;
  }>;
  const files = snapshot(path.join(share, folder));
  for (const row of rows) expect(files.get(`${row.entry_id}/record.json`)?.sha256).toBe(row.file_sha256);
}

/** After a completed rerun: verify-share passes, each entry once, every entry's latest revision there. */
async function expectShareWhole(ctx: CoreContext, share: string, report: SyncReport): Promise<void> {
  expect(report.failure).toBeNull();
  expect(partialFiles(share)).toEqual([]);
  const verified = await verifyShare(share);
  expect(verified.problems).toEqual([]);
  expect(verified).toMatchObject({ ok: true, unlisted: [], ahead: [] });
  const manifest = JSON.parse(fs.readFileSync(path.join(share, report.deviceFolder, 'manifest.json'), 'utf8')) as {
    entries: Array<{ id: string; revisionHash: string }>;
  };
  const heads = ctx.db.prepare('SELECT id, head_hash FROM entries ORDER BY id').all() as Array<{
    id: string;
    head_hash: string;
  }>;
  expect(manifest.entries.map((e) => [e.id, e.revisionHash])).toEqual(heads.map((h) => [h.id, h.head_hash]));
  const folders = fs.readdirSync(path.join(share, report.deviceFolder)).filter((n) => !n.includes('.'));
  expect(folders.sort()).toEqual(heads.map((h) => h.id));
  expect(verifyChains(ctx).broken).toEqual([]);
}

/** A FileOps whose writes fail with `code` once `armed` is set: the lowest layer, where a disk reports it. */
function faultyOps(state: { armed: string | null }): FileOps {
  const check = (syscall: string) => {
    if (state.armed) throw errnoError(state.armed, syscall);
  };
  return {
    ...NODE_FILE_OPS,
    open: async (p, flags) => {
      if (flags !== 'r') check('open');
      return NODE_FILE_OPS.open(p, flags);
    },
    write: async (h, d) => {
      check('write');
      return NODE_FILE_OPS.write(h, d);
    },
    mkdir: async (p) => {
      check('mkdir');
      return NODE_FILE_OPS.mkdir(p);
    },
    rename: async (a, b) => {
      check('rename');
      return NODE_FILE_OPS.rename(a, b);
    },
  };
}

describe(`share removed mid-run (${how})`, () => {
  it('stops as "not mounted", never recreates the share, and resumes when it is back', async () => {
    const { ctx, root } = setup(60);
    const backing = path.join(root, 'backing');
    const share = path.join(root, 'share');
    fs.mkdirSync(backing);
    fs.mkdirSync(share);
    if (CAN_MOUNT) mount(['--bind', backing], share);
    const away = CAN_MOUNT ? backing : `${share}.away`;
    const remove = () => (CAN_MOUNT ? unmount(share) : fs.renameSync(share, away));
    const restore = () => (CAN_MOUNT ? mount(['--bind', backing], share) : fs.renameSync(away, share));
    const info = await addFolderTarget(ctx, share);

    const cut = await runSync(ctx, info, {
      retry: FAST_RETRY,
      stateBatch: 8,
      onProgress: (p) => p.done === 20 && remove(),
    });
    expect(cut.failure?.kind).toBe('not-mounted');
    expect(cut.written).toBeGreaterThanOrEqual(20);
    expect(cut.written).toBeLessThan(60);
    expect(partialFiles(away)).toEqual([]);
    stateMatchesShare(ctx, away, cut.deviceFolder);
    // Batches committed before the share went are recorded; files written after the last commit are
    // not (nothing made them durable), so the rerun writes those again, identical.
    const recorded = (ctx.db.prepare('SELECT count(*) AS n FROM sync_state').get() as { n: number }).n;
    expect(recorded).toBeGreaterThanOrEqual(8);
    expect(recorded).toBeLessThanOrEqual(cut.written);

    // While it is gone: refused, and the empty mount point (or missing path) stays as it is.
    const whileGone = await runSync(ctx, info, { retry: FAST_RETRY });
    expect(whileGone.failure?.kind).toBe('not-mounted');
    if (CAN_MOUNT) expect(fs.readdirSync(share)).toEqual([]);
    else expect(fs.existsSync(share)).toBe(false);

    restore();
    const rerun = await runSync(ctx, info, { staleTempMs: 0 });
    expect(rerun.written).toBe(60 - recorded); // nothing recorded as landed is written twice
    await expectShareWhole(ctx, share, rerun);
  });
});

describe('share made read-only mid-run', () => {
  it.runIf(CAN_MOUNT)(
    'real mount: a tmpfs remounted read-only stops the run as "read-only"; it resumes once writable',
    async () => {
      const { ctx, root } = setup(40);
      const share = path.join(root, 'share');
      fs.mkdirSync(share);
      mount(['-t', 'tmpfs', '-o', 'size=32m', 'tmpfs'], share);
      const info = await addFolderTarget(ctx, share);
      // One file at a time: a remount to read-only fails (EBUSY) while a file is open for writing.
      const cut = await runSync(ctx, info, {
        retry: FAST_RETRY,
        concurrency: 1,
        onProgress: (p) => p.done === 15 && mount(['-o', 'remount,ro'], share),
      });
      expect(cut.failure?.kind).toBe('read-only');
      expect(cut.written).toBeGreaterThanOrEqual(15); // and the writes already in flight
      expect(cut.written).toBeLessThan(40);
      expect(partialFiles(share)).toEqual([]);
      stateMatchesShare(ctx, share, cut.deviceFolder);
      mount(['-o', 'remount,rw'], share);
      const rerun = await runSync(ctx, info, { staleTempMs: 0 });
      expect(rerun.written).toBe(40 - cut.written); // nothing that landed is written twice
      await expectShareWhole(ctx, share, rerun);
    },
  );

  it('fault injection: EROFS from the file layer mid-run stops as "read-only"; the rerun completes', async () => {
    const { ctx, root } = setup(40);
    const fault = { armed: null as string | null };
    const target = new FolderTarget(root, faultyOps(fault));
    const info = await addFolderTarget(ctx, root);
    const cut = await runSync(ctx, info, {
      target,
      retry: FAST_RETRY,
      onProgress: (p) => p.done === 15 && (fault.armed = 'EROFS'),
    });
    expect(cut.failure?.kind).toBe('read-only');
    expect(cut.written).toBeGreaterThanOrEqual(15);
    expect(cut.written).toBeLessThan(40);
    expect(partialFiles(root)).toEqual([]);
    stateMatchesShare(ctx, root, cut.deviceFolder);
    fault.armed = null;
    await expectShareWhole(ctx, root, await runSync(ctx, info, { target, staleTempMs: 0 }));
  });
});

describe('share full', () => {
  it.runIf(CAN_MOUNT)(
    'real mount: a tiny tmpfs fills up mid-run, "full"; after it grows the rerun completes',
    async () => {
      const { ctx, root } = setup(60);
      const share = path.join(root, 'share');
      fs.mkdirSync(share);
      mount(['-t', 'tmpfs', '-o', 'size=96k', 'tmpfs'], share);
      const info = await addFolderTarget(ctx, share);
      const cut = await runSync(ctx, info, { retry: FAST_RETRY });
      expect(cut.failure?.kind).toBe('full');
      expect(cut.written).toBeGreaterThan(0);
      expect(cut.written).toBeLessThan(60);
      expect(partialFiles(share)).toEqual([]);
      stateMatchesShare(ctx, share, cut.deviceFolder);
      mount(['-o', 'remount,size=32m'], share);
      await expectShareWhole(ctx, share, await runSync(ctx, info, { staleTempMs: 0 }));
    },
  );

  it('fault injection: ENOSPC from the file layer mid-write stops as "full", no partial file; the rerun completes', async () => {
    const { ctx, root } = setup(30);
    const fault = { armed: null as string | null };
    let writes = 0;
    const ops = faultyOps(fault);
    // Full in the middle of a file's bytes: the temp file exists and is cut short.
    const target = new FolderTarget(root, {
      ...ops,
      write: async (h, d) => {
        if ((writes += 1) === 12) fault.armed = 'ENOSPC';
        return ops.write(h, d);
      },
    });
    const info = await addFolderTarget(ctx, root);
    const cut = await runSync(ctx, info, { target, retry: FAST_RETRY });
    expect(cut.failure?.kind).toBe('full');
    expect(partialFiles(root)).toEqual([]);
    stateMatchesShare(ctx, root, cut.deviceFolder);
    fault.armed = null;
    await expectShareWhole(ctx, root, await runSync(ctx, info, { target, staleTempMs: 0 }));
  });
});
