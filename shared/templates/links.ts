import type { BlockValues, LinkValue } from './block';
import { compileTemplate } from './compile';
import type { LinkFieldDefinition, TemplateDefinition } from './definition';
import { isLinkValue } from './values';

/**
 * The links a block makes, for back-links ("which entries use this drug
 * stock?") and the lineage view (parental → persister → regrowth → harvest).
 * Link columns of tables are included, with their row.
 */

export interface LinkTarget {
  /** The link field's id, or "table.column" for a link column. */
  fieldId: string;
  entryId: string;
  blockId?: string;
  /** The link field is a parent link (lineage). */
  lineage: boolean;
  /** For link columns: the row the link is on. */
  rowId?: string;
}

function targetsOf(field: LinkFieldDefinition, value: unknown, fieldId: string, rowId?: string): LinkTarget[] {
  const links = (Array.isArray(value) ? value : [value]).filter(isLinkValue) as LinkValue[];
  return links.slice(0, 200).map((link) => {
    const target: LinkTarget = { fieldId, entryId: link.entryId, lineage: field.lineage === true };
    if (typeof link.blockId === 'string' && link.blockId !== '') target.blockId = link.blockId;
    if (rowId !== undefined) target.rowId = rowId;
    return target;
  });
}

/** Every link of the block (top-level link fields, then link columns row by row). */
export function linkTargetsOf(template: TemplateDefinition, values: BlockValues): LinkTarget[] {
  const out: LinkTarget[] = [];
  try {
    const compiled = compileTemplate(template);
    for (const field of compiled.fields) {
      if (field.type === 'link') out.push(...targetsOf(field, values[field.id], field.id));
      if (field.type !== 'table') continue;
      const rows = values[field.id];
      if (!Array.isArray(rows)) continue;
      for (const column of field.columns) {
        if (column.type !== 'link') continue;
        for (const row of rows.slice(0, 10_000)) {
          if (typeof row !== 'object' || row === null) continue;
          const cells = row as Record<string, unknown>;
          const rowId = typeof cells.rowId === 'string' ? cells.rowId : undefined;
          out.push(...targetsOf(column, cells[column.id], `${field.id}.${column.id}`, rowId));
        }
      }
    }
  } catch {
    // A definition that cannot be read has no links to offer.
  }
  return out;
}
