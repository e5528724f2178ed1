import type { LexicalState } from '../../../shared/domain/types';
import type { PrintImage } from '../../../shared/pdf/print-model';
import { readAttachment } from '../attachments/get';
import type { CoreContext } from '../context';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Every attachment a revision's content shows: image nodes of the rich text
 * ("attachment-image") and image values of protocol blocks ({ sha256, mime,
 * name }), at any depth, tables included.
 */
export function imageHashesOf(content: LexicalState): string[] {
  const found = new Set<string>();
  const stack: unknown[] = [content.root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      stack.push(...value);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    const obj = value as Record<string, unknown>;
    const sha = obj.sha256;
    if (
      typeof sha === 'string' &&
      SHA256.test(sha) &&
      (obj.type === 'attachment-image' || typeof obj.mime === 'string')
    ) {
      found.add(sha);
    }
    for (const child of Object.values(obj)) if (typeof child === 'object' && child !== null) stack.push(child);
  }
  return [...found];
}

/**
 * The images of a revision as data: URLs for the print page (which loads
 * nothing from disk or network). Each is read verified: a missing or damaged
 * file is left out and named, and the print says it is not there.
 */
export function loadPrintImages(
  ctx: CoreContext,
  content: LexicalState,
): { images: Record<string, PrintImage>; missing: Array<{ sha256: string; reason: string }> } {
  const images: Record<string, PrintImage> = {};
  const missing: Array<{ sha256: string; reason: string }> = [];
  for (const sha256 of imageHashesOf(content)) {
    try {
      const { mime, bytes } = readAttachment(ctx, sha256);
      images[sha256] = { mime, dataUrl: `data:${mime};base64,${bytes.toString('base64')}` };
    } catch (error) {
      missing.push({ sha256, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { images, missing };
}
