/**
 * Lentiviral barcode transduction (domain guide, T7):
 *   virus_µL = MOI × cells / titre(TU/mL) × 1000
 *   MOI_actual = −ln(1 − f)    (Poisson: f = fraction of marker-positive cells)
 * Demo: 2e6 cells at MOI 0.1; 9.5 % GFP+ → MOI_actual 0.0998.
 */
import { CalcError, attempt, finite, positive, tidy, type CalcResult } from './result';

export interface VirusVolume {
  /** Volume of virus to add, µL. */
  readonly volumeUl: number;
  /** Target MOI above the warning level (0.3 by default; barcoding wants one barcode per cell). */
  readonly highMoi: boolean;
}

/** Virus volume for a target MOI: MOI × cells / titre (TU/mL), in µL. */
export function virusVolumeUl(
  input: { readonly moi: number; readonly cells: number; readonly titreTuPerMl: number },
  options: { readonly warnAboveMoi?: number } = {},
): CalcResult<VirusVolume> {
  return attempt(() => {
    const moi = positive(input.moi, 'MOI');
    const cells = positive(input.cells, 'number of cells');
    const titre = positive(input.titreTuPerMl, 'titre (TU/mL)');
    return { volumeUl: tidy(((moi * cells) / titre) * 1000), highMoi: moi > (options.warnAboveMoi ?? 0.3) };
  });
}

/** Actual MOI from the marker-positive fraction f (0 ≤ f < 1): −ln(1 − f). */
export function moiFromPositiveFraction(fraction: number): CalcResult<number> {
  return attempt(() => {
    const f = finite(fraction, 'marker-positive fraction');
    if (f < 0 || f >= 1) {
      throw new CalcError(
        'out_of_range',
        `The marker-positive fraction must be at least 0 and below 1 (9.5 % is 0.095); got ${f}.`,
        'fraction',
      );
    }
    return -Math.log1p(-f);
  });
}

/** Expected marker-positive fraction at a given MOI (Poisson): 1 − e^(−MOI). */
export function positiveFractionFromMoi(moi: number): CalcResult<number> {
  return attempt(() => {
    const m = finite(moi, 'MOI');
    if (m < 0) throw new CalcError('negative', `MOI cannot be negative; got ${m}.`, 'moi');
    return -Math.expm1(-m);
  });
}
