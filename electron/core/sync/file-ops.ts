import fsp from 'node:fs/promises';

/**
 * The lowest file layer the folder target writes through: every byte that
 * reaches a share passes one of these calls. It is a plain object so a test
 * can wrap it and make a chosen call fail the way a real disk or share does
 * (EROFS, ENOSPC, EIO) when the machine will not let it unmount or fill a
 * real filesystem (see test/unit/sync-faults.test.ts).
 */
export interface FileOps {
  open(path: string, flags: string): Promise<fsp.FileHandle>;
  write(handle: fsp.FileHandle, data: Uint8Array): Promise<void>;
  fsync(handle: fsp.FileHandle): Promise<void>;
  close(handle: fsp.FileHandle): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  mkdir(path: string): Promise<void>;
  readFile(path: string): Promise<Buffer>;
  stat(path: string): Promise<{ size: number; isDirectory: boolean; isFile: boolean; mtimeMs: number }>;
  readdir(path: string): Promise<string[]>;
  /** Only ever used on Persist's own temporary files. */
  unlink(path: string): Promise<void>;
  /** Rejects (EROFS, EACCES, …) when the folder cannot be written to; writes nothing. */
  checkWritable(path: string): Promise<void>;
  /** Bytes free for this user on the filesystem holding the path. */
  freeBytes(path: string): Promise<number>;
}

export const NODE_FILE_OPS: FileOps = {
  open: (path, flags) => fsp.open(path, flags),
  async write(handle, data) {
    let offset = 0;
    while (offset < data.length) {
      const { bytesWritten } = await handle.write(data, offset, data.length - offset);
      offset += bytesWritten;
    }
  },
  fsync: (handle) => handle.sync(),
  close: (handle) => handle.close(),
  rename: (from, to) => fsp.rename(from, to),
  async mkdir(path) {
    await fsp.mkdir(path);
  },
  readFile: (path) => fsp.readFile(path),
  async stat(path) {
    const s = await fsp.stat(path);
    return { size: s.size, isDirectory: s.isDirectory(), isFile: s.isFile(), mtimeMs: s.mtimeMs };
  },
  readdir: (path) => fsp.readdir(path),
  unlink: (path) => fsp.unlink(path),
  checkWritable: (path) => fsp.access(path, fsp.constants.W_OK),
  async freeBytes(path) {
    const s = await fsp.statfs(path);
    return s.bavail * s.bsize;
  },
};
