import type { NumberValue, PlateMapValue, WellRole, WellValue } from '../../../shared/templates/block';
import { onPlate, parseWell, type PlateFormat } from './plate-geometry';

export type SeriesDirection = 'left-to-right' | 'right-to-left' | 'top-to-bottom' | 'bottom-to-top';

export interface Series {
  top: NumberValue;
  factor: number;
  doses: number;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The stored plate, or an empty one of the given format. */
export function plateOf(value: unknown, format: PlateFormat): PlateMapValue {
  if (isObject(value) && isObject(value.wells)) {
    return { ...(value as PlateMapValue), format };
  }
  return { format, wells: {} };
}

/** Concentration of dose k of a series (k = 0 is the top), to 6 significant digits. */
export function doseConcentration(series: Series, k: number): NumberValue {
  const value = Number((series.top.value / series.factor ** k).toPrecision(6));
  return { value, unit: series.top.unit };
}

/** Gives the wells a role; "empty" clears them (absent wells are empty). */
export function assignRole(plate: PlateMapValue, wells: readonly string[], role: WellRole): PlateMapValue {
  const next: Record<string, WellValue> = { ...plate.wells };
  for (const id of wells) {
    if (!onPlate(plate.format, id)) continue;
    if (role === 'empty') delete next[id];
    else {
      const before = next[id];
      // A well keeps its dose only while it stays a sample.
      next[id] = role === 'sample' && before?.role === 'sample' ? { ...before, role } : { role };
    }
  }
  return { ...plate, wells: next };
}

/**
 * Fills the selected wells with a dilution series: along the chosen
 * direction, the first column (or row) of the selection gets the top
 * concentration, the next one top / factor, and so on; wells past the last
 * dose are left as they were.
 */
export function assignSeries(
  plate: PlateMapValue,
  wells: readonly string[],
  series: Series,
  direction: SeriesDirection,
): PlateMapValue {
  const positions = wells.map((id) => ({ id, p: parseWell(id) })).filter((w) => w.p && onPlate(plate.format, w.id));
  if (positions.length === 0) return plate;
  const rows = positions.map((w) => w.p?.row ?? 0);
  const columns = positions.map((w) => w.p?.column ?? 0);
  const [minRow, maxRow, minCol, maxCol] = [
    Math.min(...rows),
    Math.max(...rows),
    Math.min(...columns),
    Math.max(...columns),
  ];
  const next: Record<string, WellValue> = { ...plate.wells };
  for (const { id, p } of positions) {
    if (!p) continue;
    const k =
      direction === 'left-to-right'
        ? p.column - minCol
        : direction === 'right-to-left'
          ? maxCol - p.column
          : direction === 'top-to-bottom'
            ? p.row - minRow
            : maxRow - p.row;
    if (k >= series.doses) continue;
    next[id] = { role: 'sample', dose: k, concentration: doseConcentration(series, k) };
  }
  return { ...plate, wells: next, series: { top: series.top, factor: series.factor, doses: series.doses } };
}

export function countRoles(plate: PlateMapValue): Record<WellRole, number> {
  const counts: Record<WellRole, number> = { sample: 0, vehicle: 0, blank: 0, kill: 0, time0: 0, empty: 0 };
  for (const [id, well] of Object.entries(plate.wells)) {
    if (onPlate(plate.format, id) && well && counts[well.role] !== undefined) counts[well.role] += 1;
  }
  return counts;
}
