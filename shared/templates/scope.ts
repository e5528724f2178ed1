import type { CompiledTemplate } from './compile';
import type { ComputedValue } from './evaluation';
import { parseRef } from './refs';
import { isLinkValue, isRecord } from './values';

/**
 * The values a reference can reach while a block is evaluated: stored values,
 * computed values as far as they are known, and table rows with stable ids.
 * `resolve` turns a reference (refs.ts) into a value in "input form": stored
 * values as stored, computed numbers as { value, unit } (so they convert like
 * stored quantities), other computed results as their plain value.
 */

export interface ScopeRow {
  readonly rowId: string;
  readonly cells: Readonly<Record<string, unknown>>;
}

export const MAX_ROWS = 10_000;

/**
 * The ids the rows of a stored table go by: their own `rowId`, or one from
 * their position when it is missing ("#3") or repeated ("r1#3"), so problems,
 * computed cells and index rows always name one row each.
 */
export function rowIdsOf(rows: readonly unknown[]): string[] {
  const seen = new Set<string>();
  const ids: string[] = [];
  for (let i = 0; i < Math.min(rows.length, MAX_ROWS); i += 1) {
    const item = rows[i];
    const own = isRecord(item) && typeof item.rowId === 'string' && item.rowId !== '' ? item.rowId.slice(0, 64) : null;
    let rowId = own ?? `#${i + 1}`;
    if (seen.has(rowId)) rowId = `${rowId}#${i + 1}`;
    seen.add(rowId);
    ids.push(rowId);
  }
  return ids;
}

export class Scope {
  readonly computed: Record<string, ComputedValue> = {};
  readonly rowResults: Record<string, Record<string, Record<string, ComputedValue>>> = {};
  private readonly rowsByTable = new Map<string, ScopeRow[]>();
  /**
   * Whole-column references (`table[].column`) resolved while one computed
   * node runs: every row of a per-row computation asks for the same columns,
   * and getting the same array back lets functions memoise per column
   * (computed-args.ts, memoOverLists) instead of rescanning the table per row.
   */
  private readonly columns = new Map<string, unknown[]>();

  constructor(
    readonly compiled: CompiledTemplate,
    readonly values: Readonly<Record<string, unknown>>,
  ) {}

  /**
   * The rows of a table with usable ids: a row without a string id (or with
   * a duplicate) gets one from its position, so problems still attach to it.
   */
  rows(tableId: string): ScopeRow[] {
    const hit = this.rowsByTable.get(tableId);
    if (hit) return hit;
    const raw = this.values[tableId];
    const rows: ScopeRow[] = [];
    if (Array.isArray(raw)) {
      rowIdsOf(raw).forEach((rowId, i) => {
        const item: unknown = raw[i];
        rows.push({ rowId, cells: isRecord(item) ? item : {} });
      });
    }
    this.rowsByTable.set(tableId, rows);
    return rows;
  }

  /** Forgets resolved columns: called after each computed node, whose results they may include. */
  clearColumns(): void {
    this.columns.clear();
  }

  /** A computed value in input form, or undefined when it is not (yet) available. */
  private static inputForm(c: ComputedValue | undefined): unknown {
    if (!c || !c.ok) return undefined;
    if (typeof c.value === 'number' && c.unit !== undefined) return { value: c.value, unit: c.unit };
    return c.value;
  }

  private fieldValue(id: string): unknown {
    const field = this.compiled.byId.get(id);
    if (field?.type === 'computed') return Scope.inputForm(this.computed[id]);
    return this.values[id];
  }

  private cellValue(tableId: string, row: ScopeRow, columnId: string): unknown {
    const column = this.compiled.tables.get(tableId)?.columns.get(columnId);
    if (column?.type === 'computed') return Scope.inputForm(this.rowResults[tableId]?.[row.rowId]?.[columnId]);
    return row.cells[columnId];
  }

  /** Value of a link snapshot key, or of a key of a computed object; lists map over their items. */
  private static keyed(value: unknown, key: string): unknown {
    if (Array.isArray(value)) return value.map((v) => Scope.keyed(v, key));
    if (isLinkValue(value)) return isRecord(value.snapshot) ? value.snapshot[key] : undefined;
    if (isRecord(value)) return value[key];
    return undefined;
  }

  /** Resolves a reference; `row` is the current row for `row.column` references. */
  resolve(ref: string, row?: { tableId: string; row: ScopeRow }): unknown {
    const parsed = parseRef(ref);
    if (!parsed) return undefined;
    if (parsed.kind === 'field') {
      const value = this.fieldValue(parsed.field);
      return parsed.key ? Scope.keyed(value, parsed.key) : value;
    }
    if (parsed.kind === 'row') {
      if (!row) return undefined;
      const value = this.cellValue(row.tableId, row.row, parsed.column);
      return parsed.key ? Scope.keyed(value, parsed.key) : value;
    }
    const rows = this.rows(parsed.table);
    const pick = (r: ScopeRow): unknown => {
      const value = this.cellValue(parsed.table, r, parsed.column);
      return parsed.key ? Scope.keyed(value, parsed.key) : value;
    };
    if (parsed.which === 'all') {
      const hit = this.columns.get(ref);
      if (hit) return hit;
      const column = rows.map(pick);
      this.columns.set(ref, column);
      return column;
    }
    const one = parsed.which === 'first' ? rows[0] : rows[rows.length - 1];
    return one ? pick(one) : undefined;
  }
}
