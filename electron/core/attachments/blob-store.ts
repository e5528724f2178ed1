import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The attachment files of a profile, content-addressed: the bytes whose
 * SHA-256 is abcdef… live in <profile>/attachments/ab/abcdef…, written once.
 * A file only ever appears whole (written to a temporary name, flushed to
 * disk, then renamed), so a crash leaves either nothing or the full image,
 * never half of one. Nothing here deletes an attachment.
 */

export const ATTACHMENTS_DIR = 'attachments';

export function sha256Of(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** The file's place relative to the profile folder, for messages ("attachments/ab/abcdef…"). */
export function blobRelativePath(sha256: string): string {
  return [ATTACHMENTS_DIR, sha256.slice(0, 2), sha256].join('/');
}

export function blobPath(profileDir: string, sha256: string): string {
  return path.join(profileDir, ATTACHMENTS_DIR, sha256.slice(0, 2), sha256);
}

/** Flushes a folder's entry list, so a rename survives a power cut (not possible on Windows; harmless there). */
function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** The stored bytes, or null when there is no file. */
export function readBlob(profileDir: string, sha256: string): Buffer | null {
  try {
    return fs.readFileSync(blobPath(profileDir, sha256));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Writes `bytes` under their hash: temp file, fsync, rename, fsync of the folder. */
function writeBlob(profileDir: string, sha256: string, bytes: Uint8Array): void {
  const target = blobPath(profileDir, sha256);
  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  const temp = `${target}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = fs.openSync(temp, 'wx');
    try {
      for (let done = 0; done < bytes.length;) done += fs.writeSync(fd, bytes, done);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncDir(dir);
}

/**
 * Makes sure an intact copy of `bytes` is stored; `sha256` must be their hash.
 * An existing intact file is left alone (stored once). A damaged one is moved
 * aside, not deleted, and replaced by these good bytes.
 */
export function ensureBlob(profileDir: string, sha256: string, bytes: Uint8Array, now: string): void {
  const existing = readBlob(profileDir, sha256);
  if (existing && sha256Of(existing) === sha256) return;
  if (existing) {
    const target = blobPath(profileDir, sha256);
    fs.renameSync(target, `${target}.damaged-${now.replace(/[^0-9TZ]/g, '')}`);
  }
  writeBlob(profileDir, sha256, bytes);
}
