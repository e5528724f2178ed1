import fsp from 'node:fs/promises';
import type { CoreContext } from '../context';
import { blobPath, blobRelativePath } from '../attachments/blob-store';
import { attachmentRow } from '../attachments/metadata';
import { SyncError } from './errors';
import type { ManifestFile } from './manifest';
import type { SyncTarget } from './target';
import { sha256Yielding } from './yielding-hash';

/** Where an entry's attachment goes in its folder: named by its SHA-256, so it is written once and never clashes. */
export function attachmentPath(entryId: string, sha256: string, mime: string): string {
  return `${entryId}/attachments/${sha256}${EXTENSIONS[mime] ?? ''}`;
}

const EXTENSIONS: Record<string, string> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
};

export type AttachmentOutcome =
  { kind: 'on-share'; file: ManifestFile; written: boolean } | { kind: 'unavailable'; message: string };

/**
 * Puts one attachment of an entry on the share, verified: the profile's copy
 * must hash to its name before it is copied (damaged bytes never travel),
 * and the copy read back from the share must hash the same. A file already
 * there with the right hash is left alone, so a rerun writes nothing.
 * `write` is the engine's atomic, retried, classified write.
 */
export async function syncAttachment(
  ctx: CoreContext,
  target: SyncTarget,
  folder: string,
  entryId: string,
  sha256: string,
  known: ReadonlyMap<string, ManifestFile>,
  write: (path: string, bytes: Uint8Array) => Promise<void>,
): Promise<AttachmentOutcome> {
  const row = attachmentRow(ctx, sha256);
  if (!row) {
    return {
      kind: 'unavailable',
      message: `entry ${entryId}: attachment ${sha256.slice(0, 12)}… is not in this profile yet; record.json was synced without it`,
    };
  }
  const rel = attachmentPath(entryId, sha256, row.mime);
  const file: ManifestFile = { path: rel, size: row.size, sha256 };
  // Listed by an earlier run with this hash: the manifest vouches for it (verify-share checks it).
  if (known.get(rel)?.sha256 === sha256 && (await target.stat(`${folder}/${rel}`))?.size === row.size) {
    return { kind: 'on-share', file, written: false };
  }
  const onShare = await target.readFile(`${folder}/${rel}`).catch(() => null);
  if (onShare && (await sha256Yielding(onShare)) === sha256) return { kind: 'on-share', file, written: false };

  const bytes = await fsp.readFile(blobPath(ctx.profileDir, sha256)).catch(() => null);
  if (!bytes || (await sha256Yielding(bytes)) !== sha256) {
    return {
      kind: 'unavailable',
      message: `entry ${entryId}: the profile's copy of "${row.name}" (${blobRelativePath(sha256)}) is ${bytes ? 'damaged' : 'missing'}; it was not copied`,
    };
  }
  await write(`${folder}/${rel}`, bytes);
  const back = await target.readFile(`${folder}/${rel}`);
  if ((await sha256Yielding(back)) !== sha256) {
    throw new SyncError('other', `The copy of "${row.name}" on ${target.location} does not read back as written.`);
  }
  return { kind: 'on-share', file: { ...file, size: bytes.length }, written: true };
}
