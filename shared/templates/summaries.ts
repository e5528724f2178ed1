import type { TemplateDefinition } from './definition';

/** Plain data about templates and blocks that crosses the IPC boundary. */

export interface TemplateSummary {
  id: string;
  version: number;
  name: string;
  code: string | null;
  category: TemplateDefinition['category'];
  description: string;
  builtin: boolean;
}

/** A block that a link field can point at, as a picker lists it. */
export interface BlockRef {
  entryId: string;
  entryTitle: string;
  blockId: string;
  templateId: string;
  templateName: string;
  /** What identifies the block to a person: model id, drug and lot, IC50 result... */
  label: string;
  /** The block's current values (for link snapshots). */
  values: Record<string, unknown>;
}

/** An entry whose block links to the entry (or block) being viewed. */
export interface Backlink {
  fromEntryId: string;
  fromEntryTitle: string;
  fromBlockId: string;
  fromTemplateId: string;
  fieldId: string;
  toBlockId: string | null;
}

/** One step of a lineage chain: parental -> persister -> regrowth -> harvest. */
export interface LineageNode {
  entryId: string;
  entryTitle: string;
  blockId: string;
  templateId: string;
  templateName: string;
  label: string;
  /** Blocks this one names as its parent through a lineage link field. */
  parents: string[];
}

export interface QueryHit {
  entryId: string;
  entryTitle: string;
  notebookName: string;
  blockId: string;
  templateId: string;
  /** The values that satisfied the query, ready to show ("concentration = 15 µM"). */
  matched: Array<{ field: string; display: string }>;
}
