import { formatBytes, MAX_ATTACHMENT_BYTES } from '../../shared/attachments/limits';
import type { AttachmentInfo } from '../../shared/attachments/schema';
import { call } from '../api/client';
import { bytesToBase64 } from './base64';

/** The image types the file chooser offers (the core still checks the bytes themselves). */
export const IMAGE_ACCEPT = 'image/png,image/jpeg,image/gif,image/webp';

/**
 * Stores a chosen, pasted or dropped file as an attachment. A file over the
 * size limit is refused here, before it is read into memory, with the same
 * words the core would use; every other check (the type, sniffed from the
 * bytes) is the core's.
 */
export async function attachFile(file: File): Promise<AttachmentInfo> {
  if (file.size > MAX_ATTACHMENT_BYTES) {
    throw new Error(
      `"${file.name}" is ${formatBytes(file.size)}; attachments can be at most ${formatBytes(MAX_ATTACHMENT_BYTES)}.`,
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  return call('attachments.put', { name: file.name.slice(0, 255), dataBase64: bytesToBase64(bytes) });
}

/** The first file of a paste or a drop, if it carries one. */
export function fileOf(data: DataTransfer | null): File | null {
  if (!data) return null;
  for (const item of Array.from(data.items ?? [])) {
    if (item.kind === 'file') {
      const file = item.getAsFile();
      if (file) return file;
    }
  }
  return data.files?.[0] ?? null;
}

/** True while something dragged over the page carries files (not text or an element). */
export function carriesFiles(data: DataTransfer | null): boolean {
  return !!data && Array.from(data.types ?? []).includes('Files');
}
