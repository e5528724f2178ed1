import type { ColumnDefinition } from '../../../shared/templates/definition';
import {
  integerToText,
  isNumberValue,
  numberToText,
  plainNumberText,
  readDecimalText,
  readIntegerText,
  readNumberText,
} from '../fields/value-text';

/**
 * Columns with a typed control in each cell, reached with the arrow keys and
 * filled by a paste (computed columns have none; image columns have their own
 * attach button, outside that grid).
 */
export function isEditableColumn(column: ColumnDefinition): boolean {
  return column.type !== 'computed' && column.type !== 'image';
}

/** Columns that take typed or pasted text (a link is chosen, not typed). */
export function isTextColumn(column: ColumnDefinition): boolean {
  return isEditableColumn(column) && column.type !== 'link';
}

const TRUE = /^(true|yes|y|1|x|✓|✔)$/i;
const FALSE = /^(false|no|n|0|-|–)$/i;

/**
 * What a cell stores for text typed or pasted into it, by column type. Text
 * that does not fit the column is kept as typed (numbers as { raw }), so a
 * paste never silently loses a value; the problem is reported on the cell.
 */
export function readCellText(column: ColumnDefinition, text: string): unknown {
  const trimmed = text.trim();
  switch (column.type) {
    case 'number':
      return readNumberText(text, column.unit, column.family);
    case 'integer':
      return readIntegerText(text);
    case 'decimal':
      return readDecimalText(text);
    case 'boolean':
      if (trimmed === '') return undefined;
      if (TRUE.test(trimmed)) return true;
      if (FALSE.test(trimmed)) return false;
      return text.slice(0, 1000);
    case 'enum': {
      if (trimmed === '') return undefined;
      const lower = trimmed.toLowerCase();
      const option = column.options.find((o) => o.value.toLowerCase() === lower || o.label?.toLowerCase() === lower);
      return option ? option.value : text.slice(0, 1000);
    }
    case 'date':
    case 'text':
    case 'identifier':
      return trimmed === '' ? undefined : text.slice(0, 10_000);
    default:
      return undefined;
  }
}

/** The text a stored cell shows in its box. */
export function cellToText(column: ColumnDefinition, value: unknown): string {
  if (column.type === 'number') {
    if (isNumberValue(value) && value.unit !== column.unit) return `${plainNumberText(value.value)} ${value.unit}`;
    return numberToText(value);
  }
  if (column.type === 'integer' || column.type === 'decimal') return integerToText(value);
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
