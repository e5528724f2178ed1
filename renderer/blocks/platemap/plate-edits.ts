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
    const before = next[id];
    // A reading is a measurement of the well: it stays whatever the well's role.
    const reading = before?.reading !== undefined ? { reading: before.reading } : {};
    if (role === 'empty' && before?.reading === undefined) delete next[id];
    else if (role === 'sample' && before?.role === 'sample') next[id] = { ...before, role };
    // A well keeps its dose only while it stays a sample.
    else next[id] = { role, ...reading };
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

/**
 * Replaces the plate's readings with a new read: wells in `readings` get
 * theirs, every other well loses its old one. Roles and doses stay; a reading
 * on an unassigned well is kept on an "empty" well so nothing pasted is lost.
 */
export function setReadings(plate: PlateMapValue, readings: Readonly<Record<string, number>>): PlateMapValue {
  const next = withoutReadings(plate.wells);
  for (const [id, reading] of Object.entries(readings)) {
    if (!onPlate(plate.format, id)) continue;
    next[id] = { ...(next[id] ?? { role: 'empty' }), reading };
  }
  return { ...plate, wells: next };
}

export function clearReadings(plate: PlateMapValue): PlateMapValue {
  return { ...plate, wells: withoutReadings(plate.wells) };
}

function withoutReadings(wells: PlateMapValue['wells']): Record<string, WellValue> {
  const next: Record<string, WellValue> = {};
  for (const [id, well] of Object.entries(wells)) {
    if (!well) continue;
    const { reading: _dropped, ...rest } = well;
    void _dropped;
    if (rest.role !== 'empty') next[id] = rest;
  }
  return next;
}

export function countReadings(plate: PlateMapValue): number {
  return Object.entries(plate.wells).filter(([id, w]) => onPlate(plate.format, id) && w?.reading !== undefined).length;
}
