import { plateSize, wellId, type PlateFormat } from './plate-geometry';

/**
 * Plate-reader output pasted as text: the grid a reader's software copies to
 * the clipboard or writes as CSV. Tab-, semicolon-, comma- or space-separated;
 * with or without a header row of column numbers (1, 2, …) and a first column
 * of row letters (A, B, …); a decimal comma is understood when the cells are
 * not themselves separated by commas. Without headers the grid starts at A1.
 */
export interface PlateReadings {
  /** Well id -> reading; empty cells have no entry. */
  readonly readings: Record<string, number>;
  readonly count: number;
}

/** Why a pasted grid was refused; the message is shown to the user as is. */
export class ReadingsFormatError extends Error {}

type Separator = '\t' | ';' | ',' | ' ';

function separatorOf(lines: readonly string[]): Separator {
  if (lines.some((l) => l.includes('\t'))) return '\t';
  if (lines.some((l) => l.includes(';'))) return ';';
  if (lines.some((l) => l.includes(','))) return ',';
  return ' ';
}

function cellsOf(line: string, separator: Separator): string[] {
  const parts = separator === ' ' ? line.trim().split(/\s+/) : line.split(separator);
  return parts.map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
}

const ROW_LABEL = /^[A-Pa-p]$/;
const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

function parseNumber(text: string, separator: Separator): number | null {
  let t = text.replace(/[\s\u00a0\u202f]/g, '');
  if (separator !== ',' && /^[-+]?\d+,\d+$/.test(t)) t = t.replace(',', '.');
  if (!NUMBER.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** A header row: after an optional empty corner, the numbers n, n+1, … in order. */
function headerColumns(cells: readonly string[]): number | null {
  const body = cells[0] === '' ? cells.slice(1) : cells;
  const numbers = body.filter((c) => c !== '');
  if (numbers.length === 0 || numbers.length !== body.length) return null;
  const first = Number(numbers[0]);
  if (!Number.isInteger(first) || first < 1) return null;
  return numbers.every((c, i) => /^\d+$/.test(c) && Number(c) === first + i) ? first - 1 : null;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function parsePlateReadings(text: string, format: PlateFormat): PlateReadings {
  const { rows, columns } = plateSize(format);
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new ReadingsFormatError('Paste the plate reader’s grid of readings first.');
  const separator = separatorOf(lines);
  const grid = lines.map((l) => cellsOf(l, separator));

  const isLabelled = (rowsOf: string[][]) =>
    rowsOf.length > 0 && rowsOf.every((cells) => ROW_LABEL.test(cells[0] ?? ''));
  // A first row of 1, 2, 3… is a header only with a corner cell or row letters
  // below it: otherwise it may well be readings.
  const candidate = headerColumns(grid[0] ?? []);
  const firstColumn = candidate !== null && (grid[0]?.[0] === '' || isLabelled(grid.slice(1))) ? candidate : null;
  const body = firstColumn === null ? grid : grid.slice(1);
  const labelled = isLabelled(body);
  const startColumn = firstColumn ?? 0;

  const readings: Record<string, number> = {};
  const unreadable: string[] = [];
  let widest = 0;
  body.forEach((cells, index) => {
    const row = labelled ? (cells[0] ?? 'A').toUpperCase().charCodeAt(0) - 65 : index;
    const values = labelled ? cells.slice(1) : cells;
    // A trailing separator leaves one empty cell at the end: not a column.
    while (values.length > 0 && values[values.length - 1] === '') values.pop();
    widest = Math.max(widest, startColumn + values.length);
    if (row >= rows || startColumn + values.length > columns) return;
    values.forEach((cell, c) => {
      if (cell === '') return;
      const id = wellId(row, startColumn + c);
      const value = parseNumber(cell, separator);
      if (value === null) unreadable.push(`${id} (“${cell.slice(0, 12)}”)`);
      else readings[id] = value;
    });
  });

  const lastRow = labelled
    ? Math.max(...body.map((cells) => (cells[0] ?? 'A').toUpperCase().charCodeAt(0) - 65)) + 1
    : body.length;
  if (lastRow > rows || widest > columns) {
    throw new ReadingsFormatError(
      `The pasted grid has ${plural(lastRow, 'row')} and ${plural(widest, 'column')}; ` +
        `a ${format}-well plate has ${rows} rows (A–${String.fromCharCode(64 + rows)}) and ${columns} columns.`,
    );
  }
  if (unreadable.length > 0) {
    const shown = unreadable.slice(0, 4).join(', ');
    const more = unreadable.length > 4 ? ` and ${unreadable.length - 4} more` : '';
    throw new ReadingsFormatError(
      `Not a number in ${plural(unreadable.length, 'well')}: ${shown}${more}. ` +
        'Replace overflow marks with a value or leave the cell empty.',
    );
  }
  const count = Object.keys(readings).length;
  if (count === 0) throw new ReadingsFormatError('The pasted text holds no readings.');
  return { readings, count };
}
