/**
 * The structured query language (docs/QUERY.md) as data: what the parser
 * produces and the core's executor compiles to SQL. Every node keeps the
 * column (1-based) it was written at, so errors found later (an unknown
 * field, a unit of the wrong kind) can still say where.
 */

export type ComparisonOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | '~';

export const COMPARISON_OPS: readonly ComparisonOp[] = ['=', '!=', '<', '<=', '>', '>=', '~'];

export type QueryValue =
  /** A number, with the unit written after it (null when none). `text` is the number as typed, unit included. */
  | { kind: 'number'; value: number; unit: string | null; unitColumn: number | null; text: string }
  /** A word or a quoted string. */
  | { kind: 'text'; value: string; quoted: boolean };

export interface Comparison {
  kind: 'compare';
  /** Lower-cased field name: "drug" (any level) or a dotted path "treatments.drug" (exactly). */
  field: string;
  fieldColumn: number;
  op: ComparisonOp;
  opColumn: number;
  value: QueryValue;
  valueColumn: number;
}

export type QueryNode =
  | Comparison
  | { kind: 'and'; items: QueryNode[] }
  | { kind: 'or'; items: QueryNode[] }
  | { kind: 'not'; item: QueryNode; column: number };

export interface TemplateRef {
  /** As written: a template id, code ("T4") or name. */
  name: string;
  column: number;
}

export interface ParsedQuery {
  /** The conditions; null for a query that is only "in TEMPLATE". */
  where: QueryNode | null;
  /** The templates after "in"; empty for all templates. */
  templates: TemplateRef[];
}

/** A problem in the query text, with the column it is about (1-based, in UTF-16 code units). */
export interface QueryError {
  message: string;
  column: number;
}

export type ParseResult = { ok: true; query: ParsedQuery } | { ok: false; error: QueryError };
