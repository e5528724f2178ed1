import type { AttachmentData } from '../../../shared/attachments/schema';
import { PersistError } from '../../../shared/ipc/errors';
import type { CoreContext } from '../context';
import { blobRelativePath, readBlob, sha256Of } from './blob-store';
import { attachmentRow } from './metadata';

/**
 * Reads an attachment's bytes, verified: they must still hash to the name
 * they are stored under. A damaged file is reported as `corrupt` (never
 * shown as if it were the picture), a missing one as `not_found`.
 */
export function readAttachment(ctx: CoreContext, sha256: string): { mime: string; bytes: Buffer } {
  const row = attachmentRow(ctx, sha256);
  if (!row) throw new PersistError('not_found', 'No attachment with that SHA-256 is stored in this profile.');
  const bytes = readBlob(ctx.profileDir, sha256);
  const where = blobRelativePath(sha256);
  if (!bytes) {
    throw new PersistError(
      'not_found',
      `The file of "${row.name}" is missing from the profile folder (${where}). Restore it from a backup or sync copy.`,
    );
  }
  if (sha256Of(bytes) !== sha256) {
    throw new PersistError(
      'corrupt',
      `The stored file of "${row.name}" is damaged: its bytes no longer match their SHA-256 (${where}). Restore it from a backup or sync copy, or attach the image again.`,
    );
  }
  return { mime: row.mime, bytes };
}

/** attachments.get: the verified bytes as base64, for the IPC boundary. */
export function getAttachment(ctx: CoreContext, sha256: string): AttachmentData {
  const { mime, bytes } = readAttachment(ctx, sha256);
  return { sha256, mime, size: bytes.length, dataBase64: bytes.toString('base64') };
}
