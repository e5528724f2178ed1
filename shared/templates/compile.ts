import type {
  ColumnDefinition,
  ComputedFieldDefinition,
  FieldDefinition,
  TableFieldDefinition,
  TemplateDefinition,
} from './definition';
import { parseRef } from './refs';
import { isRecord } from './values';

/**
 * A template definition turned into the lookups evaluation needs: fields by
 * id, tables with their columns, and the computed values in dependency order
 * (a table's computed column may use a top-level computed value and the
 * other way round, so both kinds are ordered together). Built once per
 * definition object and cached, so evaluating a block per keystroke does not
 * rebuild it.
 */

export interface TableModel {
  readonly field: TableFieldDefinition;
  readonly columns: ReadonlyMap<string, ColumnDefinition>;
}

export type ComputeNode =
  | { readonly kind: 'field'; readonly key: string; readonly field: ComputedFieldDefinition }
  | {
      readonly kind: 'column';
      readonly key: string;
      readonly table: TableFieldDefinition;
      readonly column: ComputedFieldDefinition;
    };

export interface CompiledTemplate {
  readonly template: TemplateDefinition;
  /** Top-level fields in display order. */
  readonly fields: readonly FieldDefinition[];
  readonly byId: ReadonlyMap<string, FieldDefinition>;
  readonly tables: ReadonlyMap<string, TableModel>;
  /** Computed fields and columns, each after everything it depends on. */
  readonly order: readonly ComputeNode[];
  /** Computed values that depend on themselves (left out of `order`). */
  readonly cyclic: readonly ComputeNode[];
}

/** Key of the node a reference depends on, if it refers to a computed value. */
function dependencyOf(
  ref: string,
  compiled: Omit<CompiledTemplate, 'order' | 'cyclic'>,
  rowTable?: string,
): string | null {
  const parsed = parseRef(ref);
  if (!parsed) return null;
  if (parsed.kind === 'field') {
    const f = compiled.byId.get(parsed.field);
    return f?.type === 'computed' ? `field:${f.id}` : null;
  }
  const tableId = parsed.kind === 'row' ? rowTable : parsed.table;
  if (tableId === undefined) return null;
  const column = compiled.tables.get(tableId)?.columns.get(parsed.column);
  return column?.type === 'computed' ? `column:${tableId}.${column.id}` : null;
}

function orderNodes(
  nodes: readonly ComputeNode[],
  base: Omit<CompiledTemplate, 'order' | 'cyclic'>,
): { order: ComputeNode[]; cyclic: ComputeNode[] } {
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const deps = new Map<string, string[]>();
  for (const node of nodes) {
    const fn = node.kind === 'field' ? node.field : node.column;
    const rowTable = node.kind === 'column' ? node.table.id : undefined;
    const refs = isRecord(fn.inputs) ? Object.values(fn.inputs) : [];
    const list = refs
      .map((ref) => (typeof ref === 'string' ? dependencyOf(ref, base, rowTable) : null))
      .filter((k): k is string => k !== null && byKey.has(k));
    deps.set(node.key, list);
  }
  // Depth-first topological order; a node reached again while on the stack is in a cycle.
  const order: ComputeNode[] = [];
  const state = new Map<string, 'visiting' | 'done' | 'cyclic'>();
  const visit = (key: string): boolean => {
    const s = state.get(key);
    if (s === 'done') return true;
    if (s === 'visiting' || s === 'cyclic') return false;
    state.set(key, 'visiting');
    let ok = true;
    for (const dep of deps.get(key) ?? []) ok = visit(dep) && ok;
    state.set(key, ok ? 'done' : 'cyclic');
    const node = byKey.get(key);
    if (ok && node) order.push(node);
    return ok;
  };
  for (const node of nodes) visit(node.key);
  const cyclic = nodes.filter((n) => state.get(n.key) === 'cyclic');
  return { order, cyclic };
}

function build(template: TemplateDefinition): CompiledTemplate {
  const fields: FieldDefinition[] = [];
  const byId = new Map<string, FieldDefinition>();
  const tables = new Map<string, TableModel>();
  const nodes: ComputeNode[] = [];
  const groups = Array.isArray(template.groups) ? template.groups : [];
  for (const group of groups) {
    for (const field of Array.isArray(group?.fields) ? group.fields : []) {
      if (!isRecord(field) || typeof field.id !== 'string' || byId.has(field.id)) continue;
      fields.push(field);
      byId.set(field.id, field);
      if (field.type === 'computed') nodes.push({ kind: 'field', key: `field:${field.id}`, field });
      if (field.type === 'table') {
        const columns = new Map<string, ColumnDefinition>();
        for (const column of Array.isArray(field.columns) ? field.columns : []) {
          if (!isRecord(column) || typeof column.id !== 'string' || columns.has(column.id)) continue;
          columns.set(column.id, column);
          if (column.type === 'computed') {
            nodes.push({ kind: 'column', key: `column:${field.id}.${column.id}`, table: field, column });
          }
        }
        tables.set(field.id, { field, columns });
      }
    }
  }
  const base = { template, fields, byId, tables };
  return { ...base, ...orderNodes(nodes, base) };
}

const cache = new WeakMap<object, CompiledTemplate>();

/** The compiled form of a definition (cached per definition object). */
export function compileTemplate(template: TemplateDefinition): CompiledTemplate {
  const hit = cache.get(template);
  if (hit) return hit;
  const compiled = build(template);
  cache.set(template, compiled);
  return compiled;
}
