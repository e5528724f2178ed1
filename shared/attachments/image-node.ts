import { z } from 'zod';
import { SHA256_HEX } from './limits';

/**
 * An image inside the entry's rich text, as stored in the Lexical JSON: a
 * node of type "attachment-image" that names its attachment by SHA-256.
 * Declared here, not in the renderer, so the core can validate it and find
 * the attachments an entry uses without the Lexical runtime.
 */

export const ATTACHMENT_IMAGE_TYPE = 'attachment-image';
export const ATTACHMENT_IMAGE_VERSION = 1;

export const ATTACHMENT_IMAGE_NODE = z.looseObject({
  type: z.literal(ATTACHMENT_IMAGE_TYPE),
  version: z.number().int(),
  sha256: z.string().regex(SHA256_HEX, 'sha256 must be 64 lower-case hex digits'),
  /** Text read aloud and searched in place of the picture (the file name unless the author wrote one). */
  alt: z.string().max(1000),
  /** Display width in CSS pixels; absent means the picture's own width, up to the column. */
  width: z.number().int().min(16).max(4000).optional(),
});

export type SerializedAttachmentImage = z.infer<typeof ATTACHMENT_IMAGE_NODE>;
