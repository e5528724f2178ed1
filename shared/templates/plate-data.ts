import type { WellRole } from './block';
import { valueInUnit } from './quantities';
import { isFiniteNumber, isNumberValue, isRecord } from './values';

/**
 * Reading a stored plate map (PlateMapValue) for the dose-response
 * computations: the readings of control wells, and each sample well's
 * concentration (its own, or from the dilution series and its dose index).
 * Tolerant of partial maps: wells without a reading or a dose are skipped.
 */

export interface PlateWell {
  readonly id: string;
  readonly role: WellRole;
  readonly reading: number | null;
  readonly dose: number | null;
  readonly concentration: unknown;
}

export interface PlateData {
  readonly wells: readonly PlateWell[];
  readonly series: { readonly top: unknown; readonly factor: number } | null;
}

const MAX_WELLS = 384;

export function plateDataOf(x: unknown): PlateData | null {
  if (!isRecord(x) || !isRecord(x.wells)) return null;
  const wells: PlateWell[] = [];
  for (const [id, w] of Object.entries(x.wells)) {
    if (wells.length >= MAX_WELLS) break;
    if (!isRecord(w) || typeof w.role !== 'string') continue;
    wells.push({
      id,
      role: w.role as WellRole,
      reading: isFiniteNumber(w.reading) ? w.reading : null,
      dose: isFiniteNumber(w.dose) && Number.isInteger(w.dose) && w.dose >= 0 ? w.dose : null,
      concentration: w.concentration,
    });
  }
  const s = x.series;
  const series = isRecord(s) && isFiniteNumber(s.factor) && s.factor > 1 ? { top: s.top, factor: s.factor } : null;
  return { wells, series };
}

/** Readings of the wells of one role. */
export function readingsOf(plate: PlateData, role: WellRole): number[] {
  return plate.wells.filter((w) => w.role === role && w.reading !== null).map((w) => w.reading as number);
}

/** A sample well's concentration in `unit`, or null. */
export function concentrationOf(plate: PlateData, well: PlateWell, unit: string): number | null {
  if (isNumberValue(well.concentration)) return valueInUnit(well.concentration, unit);
  if (well.dose === null || !plate.series || !isNumberValue(plate.series.top)) return null;
  const top = valueInUnit(plate.series.top, unit);
  return top === null ? null : top / plate.series.factor ** well.dose;
}

/** Sample wells with a reading and a concentration. */
export function samplePoints(plate: PlateData, unit: string): { concentration: number; reading: number }[] {
  const points: { concentration: number; reading: number }[] = [];
  for (const well of plate.wells) {
    if (well.role !== 'sample' || well.reading === null) continue;
    const c = concentrationOf(plate, well, unit);
    if (c !== null && c > 0) points.push({ concentration: c, reading: well.reading });
  }
  return points;
}
