import { parseQuantity } from '../units/index';
import type { BlockValues } from './block';
import { compileTemplate } from './compile';
import { CONCENTRATION_KEYS } from './computed-plate';
import type { ColumnDefinition, FieldDefinition, TemplateDefinition } from './definition';
import type { BlockEvaluation, ComputedValue } from './evaluation';
import { canonicalOf, familyOfUnit } from './quantities';
import { rowIdsOf } from './scope';
import {
  isFiniteNumber,
  isImageValue,
  isLinkValue,
  isNumberValue,
  isRawValue,
  isRecord,
  readPlainNumber,
} from './values';

export { blockLabel } from './label';
export { type LinkTarget, linkTargetsOf } from './links';

/**
 * The rows the core writes into its structured index for a block, so that
 * "drug = cisplatin and concentration >= 10 uM" is a query, not a scan:
 * numbers in their family's canonical unit (0.01 mM is indexed as 10 µM),
 * text lower-cased, one row per table cell (field "table.column", with the
 * row id, so conditions can be required to hold on the same row), computed
 * values included (IC50, persister fraction). Links add their label and the
 * keys they copied from the linked block ("treatments.stock.drug").
 */

export interface IndexRow {
  /** The field id, "table.column" for table cells, "field.key" for link snapshot keys and fit parameters. */
  field: string;
  rowId: string | null;
  /** Numbers normalised to the family's canonical unit. */
  num: number | null;
  /** Lower-cased text (enum values, text, identifiers, link labels). */
  text: string | null;
  /** The canonical unit of `num`, null for plain numbers. */
  unit: string | null;
}

const MAX_INDEX_ROWS = 20_000;
const MAX_TEXT = 500;

type Emit = (field: string, num: number | null, text: string | null, unit: string | null) => void;

const lower = (s: string): string | null => {
  const t = s.trim().toLowerCase().slice(0, MAX_TEXT);
  return t === '' ? null : t;
};

/** A stored quantity (or a computed number with a unit) in canonical form. */
function emitQuantity(
  emit: Emit,
  field: string,
  value: number,
  unit: string,
  family?: Parameters<typeof canonicalOf>[1],
): void {
  const canonical = canonicalOf({ value, unit }, family ?? familyOfUnit(unit));
  if (canonical) emit(field, canonical.value, null, canonical.unit);
  else emit(field, value, null, null);
}

/** Index rows of a loose value (a snapshot key, a raw cell): numbers, quantities, text. */
function emitLoose(emit: Emit, field: string, value: unknown): void {
  if (isNumberValue(value) && Number.isFinite(value.value)) emitQuantity(emit, field, value.value, value.unit);
  else if (isFiniteNumber(value)) emit(field, value, null, null);
  else if (typeof value === 'string') {
    const t = lower(value);
    if (t !== null) emit(field, null, t, null);
  } else if (typeof value === 'boolean') emit(field, null, String(value), null);
}

function emitStored(emit: Emit, field: FieldDefinition | ColumnDefinition, name: string, value: unknown): void {
  switch (field.type) {
    case 'number':
      if (isNumberValue(value) && Number.isFinite(value.value))
        emitQuantity(emit, name, value.value, value.unit, field.family);
      else if (isRawValue(value)) {
        const parsed = parseQuantity(value.raw.slice(0, 200), field.family);
        if (parsed.ok) emitQuantity(emit, name, parsed.value.value, parsed.value.unit, field.family);
      }
      break;
    case 'integer':
    case 'decimal': {
      const n = readPlainNumber(value);
      if (n !== null) emit(name, n, null, null);
      break;
    }
    case 'text':
    case 'identifier':
    case 'enum':
    case 'date':
    case 'datetime':
      if (typeof value === 'string') {
        const t = lower(value);
        if (t !== null) emit(name, null, t, null);
      } else if (field.type === 'identifier' && isFiniteNumber(value)) emit(name, null, String(value), null);
      break;
    case 'multienum':
      if (Array.isArray(value))
        for (const item of value.slice(0, 200)) if (typeof item === 'string') emitLoose(emit, name, item);
      break;
    case 'boolean':
      if (typeof value === 'boolean') emit(name, null, String(value), null);
      break;
    case 'link':
      for (const link of (Array.isArray(value) ? value : [value]).slice(0, 200)) {
        if (!isLinkValue(link)) continue;
        const t = lower(link.label);
        if (t !== null) emit(name, null, t, null);
        if (isRecord(link.snapshot)) {
          for (const [key, v] of Object.entries(link.snapshot).slice(0, 50)) emitLoose(emit, `${name}.${key}`, v);
        }
      }
      break;
    case 'image':
      // The file name is what a person remembers ("gel 3 cisplatin.png"); the bytes are not searchable.
      if (isImageValue(value)) {
        const t = lower(value.name);
        if (t !== null) emit(name, null, t, null);
      }
      break;
    default:
      break;
  }
}

function emitComputed(emit: Emit, name: string, c: ComputedValue | undefined): void {
  if (!c || !c.ok) return;
  const v = c.value;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return;
    if (c.unit !== undefined && c.unit !== '') emitQuantity(emit, name, v, c.unit);
    else emit(name, v, null, null);
  } else if (typeof v === 'string') {
    const t = lower(v);
    if (t !== null) emit(name, null, t, null);
  } else if (typeof v === 'boolean') {
    emit(name, null, String(v), null);
  } else if (isRecord(v)) {
    // Structured results (fits): their numbers, concentrations in canonical units.
    const unit = typeof v.unit === 'string' ? v.unit : undefined;
    for (const [key, x] of Object.entries(v).slice(0, 50)) {
      if (!isFiniteNumber(x)) continue;
      if (unit !== undefined && CONCENTRATION_KEYS.has(key)) emitQuantity(emit, `${name}.${key}`, x, unit);
      else emit(`${name}.${key}`, x, null, null);
    }
  }
}

/** The index rows of a block (see the file comment). */
export function indexRowsOf(
  template: TemplateDefinition,
  values: BlockValues,
  evaluation: BlockEvaluation,
): IndexRow[] {
  const rows: IndexRow[] = [];
  try {
    const compiled = compileTemplate(template);
    const vals = isRecord(values) ? values : {};
    let rowId: string | null = null;
    const emit: Emit = (field, num, text, unit) => {
      if (rows.length < MAX_INDEX_ROWS) rows.push({ field, rowId, num, text, unit });
    };
    for (const field of compiled.fields) {
      rowId = null;
      if (field.type === 'computed') {
        emitComputed(emit, field.id, evaluation?.computed?.[field.id]);
        continue;
      }
      if (field.type !== 'table') {
        emitStored(emit, field, field.id, vals[field.id]);
        continue;
      }
      const tableRows = vals[field.id];
      if (!Array.isArray(tableRows)) continue;
      const ids = rowIdsOf(tableRows);
      for (const [i, raw] of tableRows.slice(0, ids.length).entries()) {
        const id = ids[i];
        if (!isRecord(raw) || id === undefined) continue;
        rowId = id;
        for (const column of field.columns) {
          const name = `${field.id}.${column.id}`;
          if (column.type === 'computed') emitComputed(emit, name, evaluation?.rows?.[field.id]?.[id]?.[column.id]);
          else emitStored(emit, column, name, raw[column.id]);
        }
      }
    }
  } catch {
    // An unreadable definition indexes nothing more; what was gathered is kept.
  }
  return rows;
}
