/**
 * What Persist accepts as an attachment, shared by the core (which enforces
 * it) and the renderer (which refuses a file before sending it, with the same
 * words). Only raster image formats a browser shows without running anything:
 * SVG is refused because an SVG file can carry scripts.
 */

/**
 * 14 MiB: a gel photo or a microscope frame as PNG or JPEG fits; a video or a
 * raw stack does not. Bounded by the IPC request limit (MAX_CONTENT_CHARS, 20
 * million characters): the bytes cross as base64, 4 characters per 3 bytes.
 */
export const MAX_ATTACHMENT_BYTES = 14 * 1024 * 1024;

export const ATTACHMENT_MIME_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIME_TYPES)[number];

/** How the accepted types are named in messages. */
export const ATTACHMENT_TYPES_TEXT = 'PNG, JPEG, GIF or WebP';

/** A SHA-256 digest as Persist writes it: 64 lower-case hex digits. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Length of the base64 text of `bytes` bytes (with padding). */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

/** "1.4 MB", "820 kB", "312 bytes": sizes for people (powers of 1024, as file managers on most systems). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function isAttachmentMime(x: unknown): x is AttachmentMime {
  return typeof x === 'string' && (ATTACHMENT_MIME_TYPES as readonly string[]).includes(x);
}
