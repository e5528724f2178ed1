import { z } from 'zod';
import { base64Length, MAX_ATTACHMENT_BYTES, SHA256_HEX } from './limits';

/**
 * Input fields of the attachment channels. The base64 cap lets a file one
 * byte over the limit through, so the core can answer it with its own
 * `too_large` message; anything longer is refused here before it is decoded.
 */

export const sha256Field = z.string().regex(SHA256_HEX, 'must be a SHA-256 digest (64 lower-case hex digits)');

export const attachmentNameField = z
  .string()
  .max(255, 'must be at most 255 characters')
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters');

const MAX_BASE64 = base64Length(MAX_ATTACHMENT_BYTES + 1);

export const base64Field = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_BASE64, `must be at most ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB of data`)
  .refine((s) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s), 'must be base64 text');

/** What attachments.put answers, and what an image field stores (without `size`). */
export interface AttachmentInfo {
  sha256: string;
  size: number;
  mime: string;
  /** The file name it was given, as chosen by the user (or "pasted image.png"). */
  name: string;
  width?: number;
  height?: number;
}

/** What attachments.get answers: the verified bytes and their type. */
export interface AttachmentData {
  sha256: string;
  mime: string;
  size: number;
  dataBase64: string;
}
