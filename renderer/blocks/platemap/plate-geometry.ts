/** Plate layouts: 96 wells are 8 rows (A-H) by 12 columns, 384 wells 16 rows (A-P) by 24. */
export type PlateFormat = 96 | 384;

const LETTERS = 'ABCDEFGHIJKLMNOP';

export function plateSize(format: PlateFormat): { rows: number; columns: number } {
  return format === 384 ? { rows: 16, columns: 24 } : { rows: 8, columns: 12 };
}

export function rowLetter(row: number): string {
  return LETTERS[row] ?? '?';
}

/** "B3" for row 1, column 2 (both from 0). */
export function wellId(row: number, column: number): string {
  return `${rowLetter(row)}${column + 1}`;
}

export function parseWell(id: string): { row: number; column: number } | null {
  const m = /^([A-P])(\d{1,2})$/.exec(id);
  if (!m) return null;
  return { row: LETTERS.indexOf(m[1] ?? ''), column: Number(m[2]) - 1 };
}

/** Every well in the rectangle spanned by two wells. */
export function wellsBetween(a: string, b: string): string[] {
  const p = parseWell(a);
  const q = parseWell(b);
  if (!p || !q) return [];
  const out: string[] = [];
  for (let r = Math.min(p.row, q.row); r <= Math.max(p.row, q.row); r += 1) {
    for (let c = Math.min(p.column, q.column); c <= Math.max(p.column, q.column); c += 1) out.push(wellId(r, c));
  }
  return out;
}

export function rowWells(format: PlateFormat, row: number): string[] {
  return Array.from({ length: plateSize(format).columns }, (_, c) => wellId(row, c));
}

export function columnWells(format: PlateFormat, column: number): string[] {
  return Array.from({ length: plateSize(format).rows }, (_, r) => wellId(r, column));
}

export function allWells(format: PlateFormat): string[] {
  const { rows } = plateSize(format);
  return Array.from({ length: rows }, (_, r) => rowWells(format, r)).flat();
}

/** True when the well lies on a plate of this format. */
export function onPlate(format: PlateFormat, id: string): boolean {
  const p = parseWell(id);
  if (!p) return false;
  const { rows, columns } = plateSize(format);
  return p.row < rows && p.column < columns;
}
