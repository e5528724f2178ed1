import type { AttachmentMime } from '../../../shared/attachments/limits';

/**
 * Width and height of an image read from its header, without decoding it, so
 * exports can lay a picture out before loading it. Undefined when the header
 * is cut short or odd: the image is still kept, only its size is unknown.
 */

export interface ImageSize {
  width: number;
  height: number;
}

/** JPEG start-of-frame markers (baseline, progressive, lossless...); C4, C8 and CC are not frames. */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function valid(width: number, height: number): ImageSize | undefined {
  return width > 0 && height > 0 ? { width, height } : undefined;
}

function pngSize(b: Buffer): ImageSize | undefined {
  // Signature (8), chunk length (4), "IHDR" (4), then width and height, big-endian.
  if (b.length < 24 || b.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return valid(b.readUInt32BE(16), b.readUInt32BE(20));
}

function gifSize(b: Buffer): ImageSize | undefined {
  return b.length < 10 ? undefined : valid(b.readUInt16LE(6), b.readUInt16LE(8));
}

function jpegSize(b: Buffer): ImageSize | undefined {
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // Markers without a length: TEM and the restart markers; EOI ends the image.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9) return undefined;
    const length = b.readUInt16BE(at + 2);
    if (SOF.has(marker)) return at + 9 <= b.length ? valid(b.readUInt16BE(at + 7), b.readUInt16BE(at + 5)) : undefined;
    if (length < 2) return undefined;
    at += 2 + length;
  }
  return undefined;
}

function webpSize(b: Buffer): ImageSize | undefined {
  if (b.length < 30) return undefined;
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') return valid(b.readUInt16LE(26) & 0x3fff, b.readUInt16LE(28) & 0x3fff);
  if (chunk === 'VP8L') {
    // 14-bit width - 1 and height - 1, packed after the 0x2f signature byte.
    const bits = b.readUInt32LE(21);
    return valid((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') return valid(b.readUIntLE(24, 3) + 1, b.readUIntLE(27, 3) + 1);
  return undefined;
}

export function imageSize(mime: AttachmentMime, bytes: Buffer): ImageSize | undefined {
  try {
    switch (mime) {
      case 'image/png':
        return pngSize(bytes);
      case 'image/gif':
        return gifSize(bytes);
      case 'image/jpeg':
        return jpegSize(bytes);
      case 'image/webp':
        return webpSize(bytes);
    }
  } catch {
    // A header that claims more bytes than the file has: size unknown.
    return undefined;
  }
}
