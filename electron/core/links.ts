import { PersistError } from '../../shared/ipc/errors';
import type { Backlink, BlockRef, LineageNode } from '../../shared/templates/summaries';
import type { CoreContext } from './context';

/**
 * Reading the block index: link pickers (blocks.search), back-links and
 * lineage. Blocks of entries in the trash are left out everywhere.
 */

interface BlockRow {
  block_id: string;
  entry_id: string;
  template_id: string;
  label: string;
  values_json: string;
  entry_title: string;
  template_name: string | null;
}

const BLOCK_COLUMNS = `
  b.block_id, b.entry_id, b.template_id, b.label, b.values_json, e.title AS entry_title,
  (SELECT t.name FROM templates t WHERE t.id = b.template_id AND t.version = b.template_version) AS template_name`;

function toBlockRef(row: BlockRow): BlockRef {
  return {
    entryId: row.entry_id,
    entryTitle: row.entry_title,
    blockId: row.block_id,
    templateId: row.template_id,
    templateName: row.template_name ?? row.template_id,
    label: row.label,
    values: JSON.parse(row.values_json) as Record<string, unknown>,
  };
}

/** Every word of what was typed as an FTS5 prefix term: "cis 24a" → "cis"* "24a"*. */
function pickerQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  return words.length === 0 ? null : words.map((w) => `"${w}"*`).join(' ');
}

/**
 * Blocks a link field may point at, newest first: of the given templates,
 * and (with q) whose label or text values hold every word of q as a word
 * prefix ("cis" finds cisplatin, "24a" lot 24A118).
 */
export function searchBlocks(
  ctx: CoreContext,
  input: { templateIds?: string[]; q?: string; limit?: number },
): BlockRef[] {
  const limit = input.limit ?? 50;
  const templateIds = input.templateIds;
  if (templateIds !== undefined && templateIds.length === 0) return [];
  const byTemplate = templateIds ? `AND b.template_id IN (${templateIds.map(() => '?').join(', ')})` : '';
  const match = pickerQuery(input.q ?? '');
  let rows: BlockRow[];
  if (match) {
    // FTS5 hands rowids out newest first (blocks.rowid grows with each new block), so
    // the walk stops after `limit` hits however common the words are.
    rows = ctx.db
      .prepare(
        `SELECT ${BLOCK_COLUMNS} FROM blocks_fts f
         JOIN blocks b ON b.rowid = f.rowid JOIN entries e ON e.id = b.entry_id
         WHERE blocks_fts MATCH ? ${byTemplate} AND e.deleted_at IS NULL
         ORDER BY f.rowid DESC LIMIT ?`,
      )
      .all(match, ...(templateIds ?? []), limit) as BlockRow[];
  } else {
    rows = ctx.db
      .prepare(
        `SELECT ${BLOCK_COLUMNS} FROM blocks b JOIN entries e ON e.id = b.entry_id
         WHERE e.deleted_at IS NULL ${byTemplate} ORDER BY b.rowid DESC LIMIT ?`,
      )
      .all(...(templateIds ?? []), limit) as BlockRow[];
  }
  return rows.map(toBlockRef);
}

function assertEntry(ctx: CoreContext, entryId: string): void {
  if (!ctx.db.prepare('SELECT 1 FROM entries WHERE id = ?').get(entryId)) {
    throw new PersistError('not_found', 'That entry does not exist.');
  }
}

/** Blocks in other entries (not in the trash) that link to this entry or one of its blocks. */
export function backlinks(ctx: CoreContext, entryId: string): Backlink[] {
  assertEntry(ctx, entryId);
  const rows = ctx.db
    .prepare(
      `SELECT DISTINCT l.from_entry_id AS fromEntryId, e.title AS fromEntryTitle, l.from_block_id AS fromBlockId,
              b.template_id AS fromTemplateId, l.field_id AS fieldId, l.to_block_id AS toBlockId
       FROM block_links l
       JOIN blocks b ON b.block_id = l.from_block_id
       JOIN entries e ON e.id = l.from_entry_id
       WHERE l.to_entry_id = ? AND l.from_entry_id <> ? AND e.deleted_at IS NULL
       ORDER BY e.updated_at DESC, l.from_block_id, l.field_id
       LIMIT 1000`,
    )
    .all(entryId, entryId) as Backlink[];
  return rows;
}

/** At most this many blocks in one lineage graph. */
const MAX_LINEAGE = 500;

interface NodeRow {
  block_id: string;
  entry_id: string;
  template_id: string;
  label: string;
  entry_title: string;
  template_name: string | null;
  created_at: string;
}

/**
 * The lineage around an entry (or one of its blocks): up through parent
 * links to the root (a model record), and down to every descendant
 * (persisters, regrowth, harvests). Ordered parents first (by generation,
 * then by entry creation). A parent link that names an entry but no block
 * counts as a link to that entry's first block.
 */
export function lineage(ctx: CoreContext, entryId: string, blockId?: string): LineageNode[] {
  assertEntry(ctx, entryId);
  const nodeOf = ctx.db.prepare(
    `SELECT b.block_id, b.entry_id, b.template_id, b.label, e.title AS entry_title, e.created_at,
            (SELECT t.name FROM templates t WHERE t.id = b.template_id AND t.version = b.template_version) AS template_name
     FROM blocks b JOIN entries e ON e.id = b.entry_id
     WHERE b.block_id = ? AND e.deleted_at IS NULL`,
  );
  const parentsOf = ctx.db.prepare(
    `SELECT l.to_block_id, l.to_entry_id,
            (SELECT f.block_id FROM blocks f WHERE f.entry_id = l.to_entry_id ORDER BY f.position LIMIT 1) AS first_block
     FROM block_links l WHERE l.from_block_id = ? AND l.lineage = 1`,
  );
  const childrenOf = ctx.db.prepare(
    `SELECT DISTINCT l.from_block_id FROM block_links l JOIN entries e ON e.id = l.from_entry_id
     WHERE l.lineage = 1 AND e.deleted_at IS NULL
       AND (l.to_block_id = ? OR (l.to_block_id IS NULL AND l.to_entry_id = ? AND ? = (
             SELECT f.block_id FROM blocks f WHERE f.entry_id = l.to_entry_id ORDER BY f.position LIMIT 1)))`,
  );

  let start: string[];
  if (blockId !== undefined) {
    const row = ctx.db.prepare('SELECT entry_id FROM blocks WHERE block_id = ?').get(blockId) as
      { entry_id: string } | undefined;
    if (!row || row.entry_id !== entryId) throw new PersistError('not_found', 'That block is not in this entry.');
    start = [blockId];
  } else {
    // The entry's blocks that take part in a lineage: those with a parent link or a child.
    start = (
      ctx.db
        .prepare(
          `SELECT b.block_id FROM blocks b WHERE b.entry_id = ? AND (
             EXISTS (SELECT 1 FROM block_links l WHERE l.from_block_id = b.block_id AND l.lineage = 1)
             OR EXISTS (SELECT 1 FROM block_links l WHERE l.lineage = 1 AND (l.to_block_id = b.block_id
                  OR (l.to_block_id IS NULL AND l.to_entry_id = b.entry_id))))
           ORDER BY b.position`,
        )
        .all(entryId) as Array<{ block_id: string }>
    ).map((r) => r.block_id);
  }

  const nodes = new Map<string, NodeRow>();
  const parents = new Map<string, string[]>();
  const parentIds = (id: string): string[] => {
    let list = parents.get(id);
    if (!list) {
      const rows = parentsOf.all(id) as Array<{ to_block_id: string | null; first_block: string | null }>;
      list = [...new Set(rows.map((r) => r.to_block_id ?? r.first_block).filter((x): x is string => !!x && x !== id))];
      parents.set(id, list);
    }
    return list;
  };
  const visit = (id: string): boolean => {
    if (nodes.has(id)) return false;
    if (nodes.size >= MAX_LINEAGE) return false;
    const row = nodeOf.get(id) as NodeRow | undefined;
    if (!row) return false;
    nodes.set(id, row);
    return true;
  };
  // Up to the roots.
  const up = [...start];
  while (up.length > 0) {
    const id = up.pop() as string;
    if (!visit(id) && !start.includes(id)) continue;
    for (const parent of parentIds(id)) if (!nodes.has(parent)) up.push(parent);
  }
  // Down to every descendant of the start blocks.
  const down = [...start];
  const expanded = new Set<string>();
  while (down.length > 0) {
    const id = down.pop() as string;
    if (expanded.has(id)) continue;
    expanded.add(id);
    const row = nodes.get(id);
    if (!row) continue;
    for (const child of childrenOf.all(id, row.entry_id, id) as Array<{ from_block_id: string }>) {
      visit(child.from_block_id);
      down.push(child.from_block_id);
    }
  }

  // Generation = longest path from a root among the nodes found.
  const depth = new Map<string, number>();
  const depthOf = (id: string, seen: Set<string>): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return 0; // a cycle: stop counting
    seen.add(id);
    const ps = parentIds(id).filter((p) => nodes.has(p));
    const d = ps.length === 0 ? 0 : 1 + Math.max(...ps.map((p) => depthOf(p, seen)));
    seen.delete(id);
    depth.set(id, d);
    return d;
  };
  const list = [...nodes.values()];
  for (const n of list) depthOf(n.block_id, new Set());
  list.sort(
    (a, b) =>
      (depth.get(a.block_id) ?? 0) - (depth.get(b.block_id) ?? 0) ||
      a.created_at.localeCompare(b.created_at) ||
      a.block_id.localeCompare(b.block_id),
  );
  return list.map((n) => ({
    entryId: n.entry_id,
    entryTitle: n.entry_title,
    blockId: n.block_id,
    templateId: n.template_id,
    templateName: n.template_name ?? n.template_id,
    label: n.label,
    parents: parentIds(n.block_id).filter((p) => nodes.has(p)),
  }));
}
