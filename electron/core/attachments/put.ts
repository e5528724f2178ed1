import { ATTACHMENT_TYPES_TEXT, formatBytes, MAX_ATTACHMENT_BYTES } from '../../../shared/attachments/limits';
import type { AttachmentInfo } from '../../../shared/attachments/schema';
import { PersistError } from '../../../shared/ipc/errors';
import type { CoreContext } from '../context';
import { ensureBlob, sha256Of } from './blob-store';
import { imageSize } from './dimensions';
import { attachmentName } from './file-name';
import { attachmentRow, recordAttachment } from './metadata';
import { describeRefused, sniffImageType } from './sniff';

/**
 * Stores an image and answers its reference. The bytes are checked first
 * (size, then type sniffed from the bytes themselves), then written once
 * under their SHA-256: putting the same picture twice stores one file and
 * one row. The file is on disk before its row exists, so a row always has
 * its bytes.
 */
export function putAttachment(ctx: CoreContext, input: { name: string; data: Buffer }): AttachmentInfo {
  const { data } = input;
  if (data.length === 0) throw new PersistError('invalid_input', 'The file is empty; there is no image to attach.');
  if (data.length > MAX_ATTACHMENT_BYTES) {
    throw new PersistError(
      'too_large',
      `The file is ${formatBytes(data.length)}; attachments can be at most ${formatBytes(MAX_ATTACHMENT_BYTES)}.`,
    );
  }
  const mime = sniffImageType(data);
  if (!mime) {
    throw new PersistError(
      'unsupported_type',
      `Only ${ATTACHMENT_TYPES_TEXT} images can be attached; this file is ${describeRefused(data)}.`,
    );
  }
  const sha256 = sha256Of(data);
  const size = imageSize(mime, data);
  const name = attachmentName(input.name, mime);
  const now = ctx.now();
  ensureBlob(ctx.profileDir, sha256, data, now);
  if (!attachmentRow(ctx, sha256)) {
    recordAttachment(ctx, {
      sha256,
      size: data.length,
      mime,
      name,
      created_at: now,
      width: size?.width ?? null,
      height: size?.height ?? null,
    });
  }
  return { sha256, size: data.length, mime, name, ...(size ?? {}) };
}
