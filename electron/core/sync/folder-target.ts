import crypto from 'node:crypto';
import path from 'node:path';
import { MARKER_FILE } from './marker';
import { NODE_FILE_OPS, type FileOps } from './file-ops';
import { SerialQueue } from '../serial-queue';
import type { SyncTarget } from './target';

/**
 * Persist's own temporary files live in a folder of this name beside the
 * files being written (in the device folder, or the root for the marker), so
 * leftovers of a crash are found with one listing and two PCs writing their
 * own device folders never touch each other's.
 */
export const TEMP_DIR = '.persist-tmp';

function tempFolderOf(rel: string): string {
  const slash = rel.indexOf('/');
  return slash < 0 ? TEMP_DIR : `${rel.slice(0, slash)}/${TEMP_DIR}`;
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * A folder (an SMB or NFS mount, a synced cloud folder, a USB disk) as a sync
 * target. Files land by write to a temporary name in the same filesystem,
 * fsync, rename: after a crash or a pulled cable a file is either the old
 * one, the new one, or absent, never half-written. The renames (and new
 * folders) become durable when their folders are fsynced, which `commit()`
 * does for all of them at once: the first folder's fsync commits the
 * filesystem's journal holding every rename before it, so the rest cost
 * next to nothing, where one folder fsync per file cost a journal commit each.
 */
export class FolderTarget implements SyncTarget {
  readonly location: string;
  /**
   * Folders this target made or found during its life (one sync run): asking
   * the filesystem again before every file cost a failed mkdir per file. A
   * share that vanishes meanwhile still fails the next write (its temporary
   * file cannot be opened), and nothing is ever created above these folders.
   */
  private readonly knownDirs = new Set<string>();
  /** Folders whose entries changed (a rename into them, a folder made in them) since the last commit. */
  private readonly unsyncedDirs = new Set<string>();
  /** Commits run one after another, so a commit resolves only after every earlier one did. */
  private readonly commits = new SerialQueue();

  constructor(
    root: string,
    private readonly ops: FileOps = NODE_FILE_OPS,
  ) {
    this.location = path.resolve(root);
  }

  /** The absolute path of a relative target path; refuses anything that leaves the root. */
  private abs(rel: string): string {
    const parts = rel.split('/');
    if (rel === '' || path.isAbsolute(rel) || parts.some((p) => p === '' || p === '.' || p === '..')) {
      throw new Error(`not a target path: ${JSON.stringify(rel)}`);
    }
    return path.join(this.location, ...parts);
  }

  async rootExists(): Promise<boolean> {
    try {
      return (await this.ops.stat(this.location)).isDirectory;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async readMarker(): Promise<string | null> {
    try {
      return (await this.ops.readFile(path.join(this.location, MARKER_FILE))).toString('utf8');
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async writeMarker(text: string): Promise<void> {
    await this.writeFileAtomic(MARKER_FILE, Buffer.from(text, 'utf8'));
    await this.commit();
  }

  async exists(rel: string): Promise<boolean> {
    return (await this.stat(rel)) !== null;
  }

  async ensureDir(rel: string): Promise<void> {
    if (this.knownDirs.has(rel)) return;
    const dir = this.abs(rel);
    try {
      await this.ops.mkdir(dir); // not recursive: a missing root stays missing (ENOENT)
      this.unsyncedDirs.add(path.dirname(dir));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    this.knownDirs.add(rel);
  }

  async writeFileAtomic(rel: string, data: Uint8Array): Promise<void> {
    const final = this.abs(rel);
    const tempFolder = tempFolderOf(rel);
    await this.ensureDir(tempFolder);
    const temp = path.join(this.abs(tempFolder), `${crypto.randomBytes(8).toString('hex')}.tmp`);
    const handle = await this.ops.open(temp, 'wx');
    try {
      try {
        await this.ops.write(handle, data);
        await this.ops.fsync(handle);
      } finally {
        await this.ops.close(handle);
      }
      // The first file of a new entry: its folders (below the device folder only) are made first.
      await this.ensureParents(rel);
      await this.ops.rename(temp, final);
    } catch (error) {
      await this.ops.unlink(temp).catch(() => undefined); // best effort; discardInterruptedWrites gets the rest
      throw error;
    }
    // The rename is durable only once the folder that holds the new name is synced (by commit()).
    this.unsyncedDirs.add(path.dirname(final));
  }

  commit(): Promise<void> {
    const run = async () => {
      const dirs = [...this.unsyncedDirs];
      this.unsyncedDirs.clear();
      try {
        // Once one fsync has committed the journal, the others find nothing left to write.
        await Promise.all(dirs.map((dir) => this.fsyncDir(dir)));
      } catch (error) {
        for (const dir of dirs) this.unsyncedDirs.add(dir); // not durable: the next commit tries again
        throw error;
      }
    };
    // Queued even behind a failed commit: a later commit takes over what that one left unsynced.
    return this.commits.run(run);
  }

  /**
   * Creates the folders between the top-level folder and the file, one level
   * at a time. Never the root and never the top-level (device) folder: if a
   * share vanishes mid-write, its empty mount point must stay empty.
   */
  private async ensureParents(rel: string): Promise<void> {
    const parts = rel.split('/').slice(0, -1);
    for (let i = 2; i <= parts.length; i += 1) await this.ensureDir(parts.slice(0, i).join('/'));
  }

  private async fsyncDir(dir: string): Promise<void> {
    let handle;
    try {
      handle = await this.ops.open(dir, 'r');
    } catch (error) {
      // Windows cannot open a folder for syncing; NTFS journals renames itself.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EISDIR' || code === 'EPERM') return;
      throw error;
    }
    try {
      await this.ops.fsync(handle);
    } finally {
      await this.ops.close(handle);
    }
  }

  readFile(rel: string): Promise<Buffer> {
    return this.ops.readFile(this.abs(rel));
  }

  async list(rel: string): Promise<string[]> {
    try {
      return await this.ops.readdir(rel === '' ? this.location : this.abs(rel));
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  }

  async stat(rel: string): Promise<{ size: number; isDirectory: boolean } | null> {
    try {
      const s = await this.ops.stat(this.abs(rel));
      return { size: s.size, isDirectory: s.isDirectory };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async probe(): Promise<{ writable: boolean; freeBytes: number | null }> {
    let writable = true;
    try {
      await this.ops.checkWritable(this.location);
    } catch (error) {
      if (isMissing(error)) throw error;
      writable = false;
    }
    const freeBytes = await this.ops.freeBytes(this.location).catch(() => null);
    return { writable, freeBytes };
  }

  async discardInterruptedWrites(folder: string, olderThanMs: number): Promise<number> {
    const tempFolder = folder === '' ? TEMP_DIR : `${folder}/${TEMP_DIR}`;
    let removed = 0;
    for (const name of await this.list(tempFolder)) {
      if (!/^[0-9a-f]{16}\.tmp$/.test(name)) continue; // only names this class makes
      const file = `${tempFolder}/${name}`;
      const info = await this.ops.stat(this.abs(file)).catch(() => null);
      // A younger file may belong to a write still under way in another process.
      if (!info || Date.now() - info.mtimeMs < olderThanMs) continue;
      await this.ops.unlink(this.abs(file)).catch(() => undefined);
      removed += 1;
    }
    return removed;
  }
}
