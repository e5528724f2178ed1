import type { AttachmentMime } from '../../../shared/attachments/limits';

const EXTENSION: Record<AttachmentMime, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/**
 * The name an attachment is shown under: the file's own name without any
 * folder part (a name is a label, never a path), trimmed and bounded; a
 * pasted image without a name becomes "image.png".
 */
export function attachmentName(given: string, mime: AttachmentMime): string {
  const base = given.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean === '' ? `image.${EXTENSION[mime]}` : clean.slice(0, 200);
}
