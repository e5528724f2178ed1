import type { AttachmentMime } from '../../../shared/attachments/limits';

/**
 * The type of a file from its first bytes, never from its name or the type
 * the sender declared: an HTML page or an SVG renamed "figure.png" must not
 * be stored as an image (an SVG can carry scripts).
 */

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

/** The image type of `bytes`, or null when they are not one Persist accepts. */
export function sniffImageType(bytes: Uint8Array): AttachmentMime | null {
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  const head = ascii(bytes, 0, 6);
  if (head === 'GIF87a' || head === 'GIF89a') return 'image/gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'image/webp';
  return null;
}

/** A few words on what refused bytes look like, so the message says more than "no". */
export function describeRefused(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (text.includes('<svg')) return 'an SVG drawing, which can carry scripts';
  if (text.startsWith('<!doctype html') || text.startsWith('<html')) return 'an HTML page';
  if (text.startsWith('<?xml') || text.startsWith('<')) return 'markup text (XML or HTML)';
  if (text.startsWith('%pdf')) return 'a PDF document';
  if (ascii(bytes, 0, 4) === 'II*\u0000' || ascii(bytes, 0, 4) === 'MM\u0000*') return 'a TIFF image';
  if (ascii(bytes, 4, 4) === 'ftyp') return 'a video or HEIC/AVIF image';
  return 'not an image Persist can show';
}
