import path from 'node:path';
import type fsp from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FolderTarget,
  NODE_FILE_OPS,
  addFolderTarget,
  runSync,
  verifyShare,
  type FileOps,
} from '../../electron/core/sync/index';
import { tempDir, tempProfile } from '../support/temp-profile';
import { addEntries, errnoError } from './sync-support';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** Real file operations that note which folders were fsynced, and fail folder fsyncs while `failing` is set. */
function folderSyncsOf(state: { failing: boolean }): { ops: FileOps; synced: string[] } {
  const folders = new Map<fsp.FileHandle, string>();
  const synced: string[] = [];
  const ops: FileOps = {
    ...NODE_FILE_OPS,
    open: async (p, flags) => {
      const handle = await NODE_FILE_OPS.open(p, flags);
      if (flags === 'r') folders.set(handle, p);
      return handle;
    },
    fsync: async (handle) => {
      const folder = folders.get(handle);
      if (folder !== undefined) {
        if (state.failing) throw errnoError('EIO', 'fsync');
        synced.push(folder);
      }
      return NODE_FILE_OPS.fsync(handle);
    },
  };
  return { ops, synced };
}

describe('durable commits on a folder target', () => {
  it('syncs each changed folder once per commit, not once per file', async () => {
    const share = tempDir('persist-share-');
    cleanups.push(share.cleanup);
    const state = { failing: false };
    const { ops, synced } = folderSyncsOf(state);
    const target = new FolderTarget(share.dir, ops);
    await target.ensureDir('device');
    for (const entry of ['e1', 'e2', 'e3']) {
      await target.writeFileAtomic(`device/${entry}/record.json`, Buffer.from('{}'));
      await target.writeFileAtomic(`device/${entry}/record.pdf`, Buffer.from('%PDF'));
    }
    expect(synced).toEqual([]); // written and renamed, not yet made durable

    await target.commit();
    const at = (rel: string) => path.join(share.dir, rel);
    expect([...synced].sort()).toEqual(
      [share.dir, at('device'), at('device/e1'), at('device/e2'), at('device/e3')].sort(),
    );
    synced.length = 0;
    await target.commit();
    expect(synced).toEqual([]); // nothing new, nothing to sync

    // A commit that fails leaves its folders for the next one.
    await target.writeFileAtomic('device/e1/record.json', Buffer.from('{"v":2}'));
    state.failing = true;
    await expect(target.commit()).rejects.toMatchObject({ code: 'EIO' });
    state.failing = false;
    await target.commit();
    expect(synced).toEqual([at('device/e1')]);
  });

  it('records no entry as synced until its files are durable; the rerun writes them', async () => {
    const ctx = tempProfile({ seed: false });
    const share = tempDir('persist-share-');
    cleanups.push(ctx.cleanup, share.cleanup);
    addEntries(ctx, 12);
    const info = await addFolderTarget(ctx, share.dir);
    const state = { failing: false };
    const { ops } = folderSyncsOf(state);

    // The device folder and its empty manifest are made durable; then the disk stops syncing folders.
    const failed = await runSync(ctx, info, {
      target: new FolderTarget(share.dir, ops),
      retry: { attempts: 2, baseDelayMs: 1 },
      onProgress: (p) => {
        if (p.done === 1) state.failing = true;
      },
    });
    expect(failed).toMatchObject({ ok: false, written: 12 });
    expect(failed.failure?.kind).toBe('other');
    // The records are on the share under their final names, but no commit vouched for them.
    expect((ctx.db.prepare('SELECT count(*) AS n FROM sync_state').get() as { n: number }).n).toBe(0);

    const rerun = await runSync(ctx, info);
    expect(rerun).toMatchObject({ ok: true, pending: 12, written: 12 });
    expect((ctx.db.prepare('SELECT count(*) AS n FROM sync_state').get() as { n: number }).n).toBe(12);
    expect((await verifyShare(share.dir)).ok).toBe(true);
  });
});
