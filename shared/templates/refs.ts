/**
 * References from computed fields, rules and labels to a block's values
 * (grammar in definition.ts, FIELD_REF), parsed once into a small structure.
 */

export type ParsedRef =
  /** `field` or `field.key` (a link snapshot key, or a key of a computed object). */
  | { kind: 'field'; field: string; key?: string }
  /** `table[].column(.key)`: every row; `table[first].column`, `table[last].column`: one row. */
  | { kind: 'column'; table: string; which: 'all' | 'first' | 'last'; column: string; key?: string }
  /** `row.column(.key)`: the current row of a per-row computation or rule. */
  | { kind: 'row'; column: string; key?: string };

const NAME = '[a-z][a-z0-9_]*';
const ROW = new RegExp(`^row\\.(${NAME})(?:\\.(${NAME}))?$`);
const COLUMN = new RegExp(`^(${NAME})\\[(|first|last)\\]\\.(${NAME})(?:\\.(${NAME}))?$`);
const FIELD = new RegExp(`^(${NAME})(?:\\.(${NAME}))?$`);

const cache = new Map<string, ParsedRef | null>();

/** Parses a reference; null when it is not one this engine understands. */
export function parseRef(ref: string): ParsedRef | null {
  if (typeof ref !== 'string' || ref.length > 200) return null;
  const hit = cache.get(ref);
  if (hit !== undefined) return hit;
  let parsed: ParsedRef | null = null;
  let m = ROW.exec(ref);
  if (m) {
    parsed = m[2] ? { kind: 'row', column: m[1] as string, key: m[2] } : { kind: 'row', column: m[1] as string };
  } else if ((m = COLUMN.exec(ref))) {
    const which = m[2] === '' ? 'all' : (m[2] as 'first' | 'last');
    parsed = { kind: 'column', table: m[1] as string, which, column: m[3] as string };
    if (m[4]) parsed.key = m[4];
  } else if ((m = FIELD.exec(ref))) {
    parsed = m[2] ? { kind: 'field', field: m[1] as string, key: m[2] } : { kind: 'field', field: m[1] as string };
  }
  if (cache.size > 2000) cache.clear();
  cache.set(ref, parsed);
  return parsed;
}

/** Every {{ref}} in a label or text with placeholders. */
export function refsInText(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)].map((m) => m[1] as string);
}
