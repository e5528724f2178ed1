import { ATTACHMENT_IMAGE_TYPE } from '../../../shared/attachments/image-node';
import { SHA256_HEX } from '../../../shared/attachments/limits';
import type { LexicalNodeJson, LexicalState } from '../../../shared/domain/types';
import type { CoreContext } from '../context';
import { PROTOCOL_BLOCK_TYPE } from '../blocks';

/**
 * Which attachments an entry's draft uses, kept in entry_attachments and
 * rewritten in the save's own transaction: image values of protocol blocks
 * (at any depth: fields, table cells, link snapshots) and image nodes of the
 * rich text. PDF export and sync read this list instead of walking JSON.
 */

/** Values nest (tables, snapshots) but never deeply; the bound keeps a hostile value cheap. */
const MAX_VALUE_DEPTH = 12;

function isSha(x: unknown): x is string {
  return typeof x === 'string' && SHA256_HEX.test(x);
}

function collectFromValue(value: unknown, found: Set<string>, depth: number): void {
  if (depth > MAX_VALUE_DEPTH || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) collectFromValue(item, found, depth + 1);
    return;
  }
  const record = value as Record<string, unknown>;
  // An image value: { sha256, name, mime, ... } (shared/templates/block.ts IMAGE_VALUE).
  if (isSha(record.sha256) && typeof record.mime === 'string') found.add(record.sha256);
  for (const inner of Object.values(record)) collectFromValue(inner, found, depth + 1);
}

/** The SHA-256 of every attachment the document references, in no particular order. */
export function attachmentRefsOf(content: LexicalState): Set<string> {
  const found = new Set<string>();
  const stack: LexicalNodeJson[] = [content.root];
  while (stack.length > 0) {
    const node = stack.pop() as LexicalNodeJson;
    if (node.type === ATTACHMENT_IMAGE_TYPE && isSha(node.sha256)) found.add(node.sha256);
    else if (node.type === PROTOCOL_BLOCK_TYPE) collectFromValue(node.values, found, 0);
    if (Array.isArray(node.children)) for (const child of node.children) stack.push(child);
  }
  return found;
}

/**
 * Rewrites the entry's attachment list from its draft. A reference to an
 * attachment this profile does not hold (yet: content synced from another
 * machine) is listed anyway; nothing refuses the save.
 */
export function refreshEntryAttachments(ctx: CoreContext, entryId: string, content: LexicalState): void {
  const refs = attachmentRefsOf(content);
  const current = ctx.db
    .prepare('SELECT sha256 FROM entry_attachments WHERE entry_id = ?')
    .pluck()
    .all(entryId) as string[];
  if (current.length === refs.size && current.every((sha) => refs.has(sha))) return;
  ctx.db.prepare('DELETE FROM entry_attachments WHERE entry_id = ?').run(entryId);
  const insert = ctx.db.prepare('INSERT INTO entry_attachments (entry_id, sha256) VALUES (?, ?)');
  for (const sha of refs) insert.run(entryId, sha);
}

/** The attachments an entry's draft uses, for export and sync. */
export function entryAttachments(ctx: CoreContext, entryId: string): string[] {
  return ctx.db
    .prepare('SELECT sha256 FROM entry_attachments WHERE entry_id = ? ORDER BY sha256')
    .pluck()
    .all(entryId) as string[];
}
