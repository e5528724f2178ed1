import type { BlockValues } from '../../../shared/templates/block';
import type {
  ColumnDefinition,
  FieldDefinition,
  TableFieldDefinition,
  TemplateDefinition,
} from '../../../shared/templates/definition';
import type { BlockEvaluation, ComputedValue } from '../../../shared/templates/evaluation';
import { tryConvert } from '../../../shared/units';
import { isNumberValue } from '../fields/value-text';
import { rowsOf } from '../table/rows';

export interface XY {
  x: number;
  y: number;
}

export interface Series {
  name: string;
  points: XY[];
}

function fieldsOf(template: TemplateDefinition): FieldDefinition[] {
  return template.groups.flatMap((g) => g.fields);
}

function tables(template: TemplateDefinition): TableFieldDefinition[] {
  return fieldsOf(template).filter((f): f is TableFieldDefinition => f.type === 'table');
}

/** A number from a stored cell or a computed value, in `unit` when given; null when there is none. */
export function numberOf(cell: unknown, unit?: string): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (isNumberValue(cell)) {
    if (!unit || cell.unit === unit) return Number.isFinite(cell.value) ? cell.value : null;
    const converted = tryConvert(cell, unit);
    return converted.ok ? converted.value.value : null;
  }
  const computed = cell as ComputedValue | undefined;
  if (
    computed &&
    typeof computed === 'object' &&
    'ok' in computed &&
    computed.ok &&
    typeof computed.value === 'number'
  ) {
    return Number.isFinite(computed.value) ? computed.value : null;
  }
  return null;
}

function isDayColumn(column: ColumnDefinition): boolean {
  return column.id === 'day' && (column.type === 'integer' || column.type === 'decimal' || column.type === 'number');
}

/** A column's values as points against the table's day column. */
function seriesOf(
  table: TableFieldDefinition,
  values: BlockValues,
  evaluation: BlockEvaluation,
  column: ColumnDefinition,
  unit?: string,
): XY[] {
  const points: XY[] = [];
  for (const row of rowsOf(values[table.id])) {
    const x = numberOf(row.day, 'd');
    const cell = column.type === 'computed' ? evaluation.rows[table.id]?.[row.rowId]?.[column.id] : row[column.id];
    const y = numberOf(cell, unit);
    if (x !== null && y !== null) points.push({ x, y });
  }
  return points.sort((a, b) => a.x - b.x);
}

/** Growth curves: every cell-count column of a table that has a day column (treated, vehicle, regrowth counts). */
export function growthCurves(template: TemplateDefinition, values: BlockValues, evaluation: BlockEvaluation): Series[] {
  const out: Series[] = [];
  for (const table of tables(template)) {
    if (!table.columns.some(isDayColumn)) continue;
    for (const column of table.columns) {
      if (column.type !== 'number' || column.family !== 'cellCount') continue;
      const points = seriesOf(table, values, evaluation, column, 'cells').filter((p) => p.y > 0);
      if (points.length > 0) out.push({ name: column.label, points });
    }
  }
  return out;
}

/** Columns that group tumour measurements into lines, in order of preference: arms before animals. */
const GROUP_COLUMNS = ['arm', 'group', 'animal', 'animal_id', 'mouse', 'mouse_id'];

/** Tumour volume over time: the mean per arm when the table names arms, else one line per animal. */
export function tumourCurves(template: TemplateDefinition, values: BlockValues, evaluation: BlockEvaluation): Series[] {
  for (const table of tables(template)) {
    if (!table.columns.some(isDayColumn)) continue;
    const volume = table.columns.find(
      (c) => (c.type === 'computed' && c.fn === 'tumourVolume') || (c.type === 'number' && c.family === 'tumourVolume'),
    );
    if (!volume) continue;
    const group = GROUP_COLUMNS.map((id) => table.columns.find((c) => c.id === id)).find((c) => c !== undefined);
    const byGroup = new Map<string, XY[]>();
    for (const row of rowsOf(values[table.id])) {
      const x = numberOf(row.day, 'd');
      const cell = volume.type === 'computed' ? evaluation.rows[table.id]?.[row.rowId]?.[volume.id] : row[volume.id];
      const y = numberOf(cell, volume.type === 'number' ? 'mm3' : undefined);
      if (x === null || y === null) continue;
      const raw = group ? row[group.id] : undefined;
      const name = typeof raw === 'string' && raw.trim() !== '' ? raw : isLabelled(raw) ? raw.label : volume.label;
      byGroup.set(name, [...(byGroup.get(name) ?? []), { x, y }]);
    }
    return [...byGroup].map(([name, points]) => ({ name, points: meanByX(points) }));
  }
  return [];
}

function isLabelled(value: unknown): value is { label: string } {
  return typeof value === 'object' && value !== null && typeof (value as { label?: unknown }).label === 'string';
}

/** Averages the points that share an x (several animals of one arm measured the same day). */
function meanByX(points: XY[]): XY[] {
  const sums = new Map<number, { total: number; n: number }>();
  for (const p of points) {
    const s = sums.get(p.x) ?? { total: 0, n: 0 };
    sums.set(p.x, { total: s.total + p.y, n: s.n + 1 });
  }
  return [...sums].map(([x, s]) => ({ x, y: s.total / s.n })).sort((a, b) => a.x - b.x);
}

export interface FourPl {
  bottom: number;
  top: number;
  ic50: number;
  hill: number;
}

export interface DoseResponse {
  unit: string;
  points: XY[];
  fit: FourPl | null;
  label: string;
}

function parseRef(ref: string | undefined): { table: string; column: string } | null {
  const m = ref ? /^([a-z][a-z0-9_]*)\[\]\.([a-z][a-z0-9_]*)$/.exec(ref) : null;
  return m ? { table: m[1] ?? '', column: m[2] ?? '' } : null;
}

function fitOf(computed: ComputedValue | undefined): FourPl | null {
  if (!computed || !computed.ok || typeof computed.value !== 'object' || computed.value === null) return null;
  const v = computed.value as Record<string, unknown>;
  const n = (k: string) => (typeof v[k] === 'number' && Number.isFinite(v[k]) ? (v[k] as number) : null);
  const [bottom, top, ic50, hill] = [n('bottom'), n('top'), n('ic50'), n('hill')];
  return bottom === null || top === null || ic50 === null || hill === null ? null : { bottom, top, ic50, hill };
}

/** The points of a 4PL-fitted field and its fitted curve (doses in the fit's unit). */
export function doseResponses(
  template: TemplateDefinition,
  values: BlockValues,
  evaluation: BlockEvaluation,
): DoseResponse[] {
  const out: DoseResponse[] = [];
  for (const field of fieldsOf(template)) {
    if (field.type !== 'computed' || field.fn !== 'fit4pl') continue;
    const unit = field.unit ?? 'µM';
    const doses = parseRef(field.inputs.doses);
    const responses = parseRef(field.inputs.responses);
    const points: XY[] = [];
    const table = doses ? tables(template).find((t) => t.id === doses.table) : undefined;
    if (table && doses && responses && responses.table === doses.table) {
      const responseColumn = table.columns.find((c) => c.id === responses.column);
      for (const row of rowsOf(values[table.id])) {
        const x = numberOf(row[doses.column], unit);
        const cell =
          responseColumn?.type === 'computed'
            ? evaluation.rows[table.id]?.[row.rowId]?.[responses.column]
            : row[responses.column];
        const y = numberOf(cell, responseColumn?.type === 'number' ? '%' : undefined);
        if (x !== null && y !== null && x > 0) points.push({ x, y });
      }
    }
    if (points.length > 0) out.push({ unit, points, fit: fitOf(evaluation.computed[field.id]), label: field.label });
  }
  return out;
}

/** y of the 4PL curve at dose x: Bottom + (Top − Bottom) / (1 + (x / IC50)^h). */
export function fourPl(fit: FourPl, x: number): number {
  return fit.bottom + (fit.top - fit.bottom) / (1 + (x / fit.ic50) ** fit.hill);
}

/** The fitted curve sampled evenly in log dose across [low, high]. */
export function curvePoints(fit: FourPl, low: number, high: number, samples = 80): XY[] {
  const a = Math.log10(low);
  const b = Math.log10(high);
  return Array.from({ length: samples }, (_, i) => {
    const x = 10 ** (a + ((b - a) * i) / (samples - 1));
    return { x, y: fourPl(fit, x) };
  });
}
