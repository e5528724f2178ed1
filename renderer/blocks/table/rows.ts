import type { TableRow } from '../../../shared/templates/block';
import type { ColumnDefinition } from '../../../shared/templates/definition';
import { newId } from '../node/ids';
import { isEditableColumn, isTextColumn, readCellText } from './cell-values';

/** The stored rows of a table (anything else in the value is not a row and is left out of the view). */
export function rowsOf(value: unknown): TableRow[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (row): row is TableRow => typeof row === 'object' && row !== null && typeof (row as TableRow).rowId === 'string',
  );
}

export function withCell(row: TableRow, columnId: string, value: unknown): TableRow {
  const next: TableRow = { ...row };
  if (value === undefined) delete next[columnId];
  else next[columnId] = value;
  return next;
}

/** Sets a cell to a value, or to a function of what the cell holds now. */
export function setCell(value: unknown, rowId: string, columnId: string, cell: unknown): TableRow[] {
  return rowsOf(value).map((row) => {
    if (row.rowId !== rowId) return row;
    const next = typeof cell === 'function' ? (cell as (current: unknown) => unknown)(row[columnId]) : cell;
    return withCell(row, columnId, next);
  });
}

/** Adds a new row (its id and the columns' defaults) after `afterRowId`, at the end when absent. */
export function addRow(value: unknown, row: TableRow, afterRowId?: string): TableRow[] {
  const rows = rowsOf(value);
  const at = afterRowId === undefined ? rows.length : rows.findIndex((r) => r.rowId === afterRowId) + 1;
  const index = at <= 0 ? rows.length : at;
  return [...rows.slice(0, index), row, ...rows.slice(index)];
}

export function removeRow(value: unknown, rowId: string): TableRow[] {
  return rowsOf(value).filter((row) => row.rowId !== rowId);
}

/**
 * Writes pasted cells into the table from a starting cell: across the
 * columns with a control (link columns are skipped over, since a link is
 * chosen, not typed), down the rows, adding rows as needed.
 */
export function pasteCells(
  value: unknown,
  columns: readonly ColumnDefinition[],
  startRowId: string,
  startColumnId: string,
  cells: string[][],
  newRow: () => TableRow = () => ({ rowId: newId() }),
): TableRow[] {
  const rows = rowsOf(value);
  const editable = columns.filter(isEditableColumn);
  const firstColumn = Math.max(
    0,
    editable.findIndex((c) => c.id === startColumnId),
  );
  let rowIndex = rows.findIndex((r) => r.rowId === startRowId);
  if (rowIndex < 0) rowIndex = rows.length;
  const next = [...rows];
  cells.forEach((line, i) => {
    const at = rowIndex + i;
    let row = next[at] ?? newRow();
    line.forEach((text, j) => {
      const column = editable[firstColumn + j];
      if (column && isTextColumn(column)) row = withCell(row, column.id, readCellText(column, text));
    });
    next[at] = row;
  });
  return next;
}
