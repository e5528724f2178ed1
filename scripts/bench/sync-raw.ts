import fsp from 'node:fs/promises';
import path from 'node:path';

/** Files per durability barrier, as the engine's state batches. */
const FILES_PER_COMMIT = 100;

async function fsyncDir(dir: string): Promise<void> {
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * The bare filesystem's speed for what a sync must do per entry, as the
 * reference for `sync_full_entries_per_s`: make a folder, write a file of
 * the given size to a temporary name, fsync it, rename it into the folder;
 * 8 at a time, as the engine does; and every 100 files make the renames
 * durable by fsyncing their folders, as the engine's commit does before it
 * records a batch. No SQLite, no hashing, no manifest: the floor the disk sets.
 */
export async function rawAtomicWritesPerSecond(dir: string, files: number, bytes: number): Promise<number> {
  await fsp.mkdir(path.join(dir, 'tmp'), { recursive: true });
  const data = Buffer.alloc(bytes, 0x7b);
  let next = 0;
  let unsynced: string[] = [];
  const commit = async () => {
    const dirs = unsynced;
    unsynced = [];
    await Promise.all([dir, ...dirs].map(fsyncDir));
  };
  const worker = async () => {
    while (next < files) {
      const i = next++;
      const folder = path.join(dir, `e${i}`);
      await fsp.mkdir(folder);
      const temp = path.join(dir, 'tmp', `${i}.tmp`);
      const file = await fsp.open(temp, 'wx');
      await file.write(data);
      await file.sync();
      await file.close();
      await fsp.rename(temp, path.join(folder, 'record.json'));
      unsynced.push(folder);
      if (unsynced.length >= FILES_PER_COMMIT) await commit();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: 8 }, worker));
  await commit();
  return files / ((performance.now() - started) / 1000);
}
