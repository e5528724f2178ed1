/**
 * Spreadsheet-like movement between the typed cells of a block table. Cells
 * carry data-cell="row:column" (column among the typed columns). Tab and
 * Shift+Tab are the browser's own (the cells are in reading order).
 */

function cellAt(table: HTMLElement, row: number, column: number): HTMLElement | null {
  return table.querySelector<HTMLElement>(`[data-cell="${row}:${column}"]`);
}

function positionOf(element: Element): [number, number] | null {
  const data = element.getAttribute('data-cell');
  if (!data) return null;
  const [row, column] = data.split(':').map(Number);
  return row === undefined || column === undefined ? null : [row, column];
}

function caretAtEdge(element: Element, edge: 'start' | 'end'): boolean {
  if (element instanceof HTMLInputElement && element.type === 'date') return false;
  if (!(element instanceof HTMLInputElement) || element.type === 'checkbox') return true;
  const { selectionStart, selectionEnd, value } = element;
  if (selectionStart === null || selectionEnd === null) return true;
  if (selectionStart !== selectionEnd) return false;
  return edge === 'start' ? selectionStart === 0 : selectionEnd === value.length;
}

export function focusCell(table: HTMLElement, row: number, column: number): boolean {
  const cell = cellAt(table, row, column);
  if (!cell) return false;
  cell.focus();
  if (cell instanceof HTMLInputElement && cell.type === 'text') cell.select();
  return true;
}

export type TableKeyAction =
  { kind: 'none' } | { kind: 'moved' } | { kind: 'add-row'; column: number } | { kind: 'remove-row' };

/**
 * Handles a key in a cell: arrows move (left and right only from the edge of
 * the text), Enter goes down a row and, in the last row, asks for a new one.
 */
export function handleTableKey(
  table: HTMLElement,
  event: Pick<KeyboardEvent, 'key' | 'target' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
  rowCount: number,
  columnCount: number,
): TableKeyAction {
  const target = event.target as Element;
  const position = positionOf(target);
  if (!position) return { kind: 'none' };
  const [row, column] = position;
  // Lists and date boxes use the up and down arrows themselves.
  const isSelect =
    target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === 'date');
  const mod = event.ctrlKey || event.metaKey || event.altKey;
  if (event.key === 'Backspace' && (event.ctrlKey || event.metaKey) && event.shiftKey) return { kind: 'remove-row' };
  if (mod) return { kind: 'none' };
  switch (event.key) {
    case 'Enter':
      if (event.shiftKey) return focusCell(table, row - 1, column) ? { kind: 'moved' } : { kind: 'none' };
      if (row >= rowCount - 1) return { kind: 'add-row', column: 0 };
      return focusCell(table, row + 1, column) ? { kind: 'moved' } : { kind: 'none' };
    case 'ArrowDown':
      if (isSelect || event.shiftKey) return { kind: 'none' };
      return focusCell(table, row + 1, column) ? { kind: 'moved' } : { kind: 'none' };
    case 'ArrowUp':
      if (isSelect || event.shiftKey) return { kind: 'none' };
      return focusCell(table, row - 1, column) ? { kind: 'moved' } : { kind: 'none' };
    case 'ArrowLeft':
      if (event.shiftKey || !caretAtEdge(target, 'start')) return { kind: 'none' };
      if (column > 0) return focusCell(table, row, column - 1) ? { kind: 'moved' } : { kind: 'none' };
      return focusCell(table, row - 1, columnCount - 1) ? { kind: 'moved' } : { kind: 'none' };
    case 'ArrowRight':
      if (event.shiftKey || !caretAtEdge(target, 'end')) return { kind: 'none' };
      if (column < columnCount - 1) return focusCell(table, row, column + 1) ? { kind: 'moved' } : { kind: 'none' };
      return focusCell(table, row + 1, 0) ? { kind: 'moved' } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

export { positionOf };
