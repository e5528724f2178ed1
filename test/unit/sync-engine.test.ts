import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { trashEntry } from '../../electron/core/entries';
import {
  FolderTarget,
  NODE_FILE_OPS,
  addFolderTarget,
  findFolderTarget,
  listTargets,
  runSync,
  verifyShare,
  type FileOps,
} from '../../electron/core/sync/index';
import { tempDir, tempProfile } from '../support/temp-profile';
import { addEntries, errnoError, snapshot, touch } from './sync-support';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function setup() {
  const ctx = tempProfile({ seed: false });
  const share = tempDir('persist-share-');
  cleanups.push(ctx.cleanup, share.cleanup);
  return { ctx, share: share.dir };
}

const FAST_RETRY = { attempts: 3, baseDelayMs: 1 };

describe('sync targets', () => {
  it('writes a marker into an existing folder and never creates a missing one', async () => {
    const { ctx, share } = setup();
    const missing = path.join(share, 'not-mounted-yet');
    await expect(addFolderTarget(ctx, missing)).rejects.toMatchObject({ code: 'not_found' });
    expect(fs.existsSync(missing)).toBe(false);

    const info = await addFolderTarget(ctx, share);
    const marker = JSON.parse(fs.readFileSync(path.join(share, '.persist-target.json'), 'utf8'));
    expect(marker).toMatchObject({ format: 'persist-sync-target/1', targetId: info.id });
    expect(listTargets(ctx).map((t) => t.location)).toEqual([path.resolve(share)]);
    // Adding again is harmless: same target.
    expect((await addFolderTarget(ctx, share)).id).toBe(info.id);
  });

  it('adopts the marker another PC wrote, so both sync to one target', async () => {
    const { ctx, share } = setup();
    const other = tempProfile({ seed: false });
    cleanups.push(other.cleanup);
    const first = await addFolderTarget(other, share);
    expect((await addFolderTarget(ctx, share)).id).toBe(first.id);
  });

  it('refuses to sync a folder that is not a set-up target', () => {
    const { ctx, share } = setup();
    expect(() => findFolderTarget(ctx, share)).toThrow(/not a sync target/);
  });
});

describe('sync engine', () => {
  it('writes one record per entry, a manifest and an index; a rerun with no changes writes nothing', async () => {
    const { ctx, share } = setup();
    const ids = addEntries(ctx, 25);
    const info = await addFolderTarget(ctx, share);
    const progress: Array<{ done: number; total: number }> = [];
    const first = await runSync(ctx, info, { onProgress: (p) => progress.push(p) });
    expect(first).toMatchObject({ ok: true, pending: 25, written: 25, manifestWritten: true, failure: null });
    expect(progress[0]).toEqual({ phase: 'records', done: 0, total: 25 });
    expect(progress.at(-1)).toEqual({ phase: 'records', done: 25, total: 25 });

    const device = path.join(share, first.deviceFolder);
    const manifest = JSON.parse(fs.readFileSync(path.join(device, 'manifest.json'), 'utf8'));
    expect(manifest.entries.map((e: { id: string }) => e.id)).toEqual([...ids].sort());
    for (const id of ids) {
      const record = JSON.parse(fs.readFileSync(path.join(device, id, 'record.json'), 'utf8'));
      expect(record.revisions[0].record.entryId).toBe(id);
    }
    expect(fs.readFileSync(path.join(device, 'index.csv'), 'utf8').split('\r\n')[0]).toMatch(/^id,title,notebook/);
    expect(fs.readFileSync(path.join(device, 'index.html'), 'utf8')).toContain('Passage 7');
    expect((await verifyShare(share)).ok).toBe(true);

    const before = snapshot(share);
    const again = await runSync(ctx, info);
    expect(again).toMatchObject({ ok: true, pending: 0, written: 0, manifestWritten: false });
    expect(snapshot(share)).toEqual(before); // not one byte, not one mtime
  });

  it('writes only what changed, and marks a trashed entry with a tombstone without deleting it', async () => {
    const { ctx, share } = setup();
    const ids = addEntries(ctx, 10);
    const info = await addFolderTarget(ctx, share);
    const first = await runSync(ctx, info);
    touch(ctx, ids.slice(0, 2), 'renamed');
    trashEntry(ctx, ids[5]!);
    const second = await runSync(ctx, info);
    expect(second).toMatchObject({ ok: true, pending: 3, written: 3, tombstones: 1 });
    const manifest = JSON.parse(fs.readFileSync(path.join(share, first.deviceFolder, 'manifest.json'), 'utf8'));
    const trashed = manifest.entries.find((e: { id: string }) => e.id === ids[5]);
    expect(trashed).toMatchObject({ status: 'trashed', tombstone: true });
    expect(fs.existsSync(path.join(share, first.deviceFolder, ids[5]!, 'record.json'))).toBe(true);
    expect((await verifyShare(share)).ok).toBe(true);
  });

  it('stops without writing when the marker is missing: an empty mount point is "not mounted"', async () => {
    const { ctx, share } = setup();
    addEntries(ctx, 3);
    const info = await addFolderTarget(ctx, share);
    fs.rmSync(path.join(share, '.persist-target.json'));
    const before = snapshot(share);
    const report = await runSync(ctx, info);
    expect(report.failure?.kind).toBe('not-mounted');
    expect(snapshot(share)).toEqual(before);
    expect(listTargets(ctx)[0]).toMatchObject({ lastResult: 'not-mounted' });
  });

  it('refuses to rewrite a share that looks emptied (manifest gone while the profile synced there)', async () => {
    const { ctx, share } = setup();
    addEntries(ctx, 5);
    const info = await addFolderTarget(ctx, share);
    const first = await runSync(ctx, info);
    fs.rmSync(path.join(share, first.deviceFolder), { recursive: true });
    const before = snapshot(share);
    const report = await runSync(ctx, info);
    expect(report.failure).toMatchObject({ kind: 'refused' });
    expect(report.failure?.message).toMatch(/looks emptied/);
    expect(snapshot(share)).toEqual(before);
  });

  it('retries a transient error with backoff and completes', async () => {
    const { ctx, share } = setup();
    addEntries(ctx, 4);
    const info = await addFolderTarget(ctx, share);
    let failures = 2;
    const flaky: FileOps = {
      ...NODE_FILE_OPS,
      rename: async (from, to) => {
        if (to.endsWith('record.json') && failures-- > 0) throw errnoError('EIO', 'rename');
        return NODE_FILE_OPS.rename(from, to);
      },
    };
    const report = await runSync(ctx, info, { target: new FolderTarget(share, flaky), retry: FAST_RETRY });
    expect(report).toMatchObject({ ok: true, written: 4 });
    expect((await verifyShare(share)).ok).toBe(true);
  });

  it('verify-share tells a first run cut off at its start from a device folder that lost its manifest', async () => {
    const { ctx, share } = setup();
    addEntries(ctx, 2);
    const info = await addFolderTarget(ctx, share);
    const { deviceFolder } = await runSync(ctx, info);
    fs.mkdirSync(path.join(share, '01ABCDEF__someone'));
    const cut = await verifyShare(share);
    expect(cut).toMatchObject({ ok: true, unfinished: ['01ABCDEF__someone'] });
    fs.rmSync(path.join(share, deviceFolder, 'manifest.json'));
    const lost = await verifyShare(share);
    expect(lost.ok).toBe(false);
    expect(lost.problems).toMatchObject([{ kind: 'bad-manifest', path: `${deviceFolder}/manifest.json` }]);
  });

  it('verify-share finds a changed byte and a rewritten history', async () => {
    const { ctx, share } = setup();
    const ids = addEntries(ctx, 3);
    const info = await addFolderTarget(ctx, share);
    const { deviceFolder } = await runSync(ctx, info);
    const file = path.join(share, deviceFolder, ids[1]!, 'record.json');
    const original = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, original.replaceAll('Passage 1', 'Passage X'));
    const report = await verifyShare(share);
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.kind)).toEqual(['hash-mismatch']);

    // Same edit with the manifest's hash updated too: the record's own chain still gives it away.
    const crypto = await import('node:crypto');
    const edited = Buffer.from(original.replaceAll('Passage 1', 'Passage X'));
    const manifestFile = path.join(share, deviceFolder, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    const entry = manifest.entries.find((e: { id: string }) => e.id === ids[1]);
    entry.files[0].sha256 = crypto.createHash('sha256').update(edited).digest('hex');
    entry.files[0].size = edited.length;
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    fs.writeFileSync(file, edited);
    const second = await verifyShare(share);
    expect(second.problems.map((p) => p.kind)).toEqual(['broken-chain']);
  });
});
