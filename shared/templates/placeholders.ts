import type { BlockValues, TableRow } from './block';
import type { FieldDefinition, TableFieldDefinition, TemplateDefinition } from './definition';
import type { EvaluationEnv } from './evaluation';
import { isRecord } from './values';

/**
 * The values a new block starts with: each field's default, with the
 * placeholders of text defaults filled in from the environment:
 *   {{today}}  today's ISO date            {{now}}  the ISO date-time
 *   {{user}}   the signed-in user          {{date}} today as yyyymmdd
 *   {{id}}     a short unique suffix (6 characters of a new ULID), for
 *              generated sample ids such as "S{{date}}-{{id}}".
 * Computed fields are never stored, so they get nothing.
 */

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Six characters that differ between calls: from the env's ULID generator, else random. */
function shortId(env: EvaluationEnv): string {
  const id = env.newId?.();
  if (typeof id === 'string' && id.length >= 6) return id.slice(-6).toUpperCase();
  let out = '';
  for (let i = 0; i < 6; i += 1) out += CROCKFORD[Math.floor(Math.random() * 32)];
  return out;
}

function nowOf(env: EvaluationEnv): string {
  return env.now ?? `${env.today}T00:00:00.000Z`;
}

/** Fills {{today}}, {{now}}, {{user}}, {{date}} and {{id}}; other text is kept as written. */
export function fillPlaceholders(text: string, env: EvaluationEnv): string {
  return text.replace(/\{\{\s*(today|now|user|date|id)\s*\}\}/g, (_, name: string) => {
    switch (name) {
      case 'today':
        return env.today;
      case 'now':
        return nowOf(env);
      case 'user':
        return env.user;
      case 'date':
        return env.today.replace(/-/g, '');
      default:
        return shortId(env);
    }
  });
}

/** A date-time default: {{now}} as a local-style "YYYY-MM-DDThh:mm" the datetime field stores. */
function datetimeDefault(text: string, env: EvaluationEnv): string {
  const filled = fillPlaceholders(text, env);
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(filled) ? filled.slice(0, 16) : filled;
}

/** The initial value of one field or column, or undefined when it has no default. */
export function defaultValue(field: FieldDefinition, env: EvaluationEnv): unknown {
  switch (field.type) {
    case 'number':
      return field.default === undefined ? undefined : { value: field.default, unit: field.unit };
    case 'text':
    case 'longtext':
    case 'date':
    case 'identifier':
      return field.default === undefined ? undefined : fillPlaceholders(field.default, env);
    case 'datetime':
      return field.default === undefined ? undefined : datetimeDefault(field.default, env);
    case 'integer':
    case 'decimal':
    case 'enum':
    case 'boolean':
      return field.default;
    case 'multienum':
      return field.default === undefined ? undefined : [...field.default];
    default:
      return undefined;
  }
}

let rowCounter = 0;

function newRowId(env: EvaluationEnv): string {
  const id = env.newId?.();
  if (typeof id === 'string' && id !== '') return id;
  rowCounter += 1;
  return `r${Date.now().toString(36)}${rowCounter.toString(36)}`;
}

/** A new row of a table: a fresh row id and each column's default; `cells` overrides them. */
export function initialRow(
  table: TableFieldDefinition,
  env: EvaluationEnv,
  cells: Record<string, unknown> = {},
): TableRow {
  const row: TableRow = { rowId: newRowId(env) };
  for (const column of table.columns) {
    const value = column.id in cells ? cells[column.id] : defaultValue(column, env);
    if (value !== undefined && column.type !== 'computed') row[column.id] = value;
  }
  return row;
}

/** The values of a new block of `template` (see the file comment). */
export function initialValues(template: TemplateDefinition, env: EvaluationEnv): BlockValues {
  const values: BlockValues = {};
  for (const group of template.groups) {
    for (const field of group.fields) {
      if (field.type === 'table') {
        const rows = (field.default ?? []).filter(isRecord).map((cells) => initialRow(field, env, cells));
        for (let i = rows.length; i < (field.minRows ?? 0); i += 1) rows.push(initialRow(field, env));
        if (rows.length > 0) values[field.id] = rows;
        continue;
      }
      const value = defaultValue(field, env);
      if (value !== undefined) values[field.id] = value;
    }
  }
  return values;
}
