/**
 * Dosing (domain guide, T4 and T6):
 *   dose_mL = mg/kg × BW_kg / (mg/mL)     (injection volume for one animal)
 *   conc    = multiple × IC50              (treatment at a multiple of IC50)
 * Demo: induction at 5 × IC50: cisplatin 5 × 3.0 µM = 15 µM, etoposide
 * 5 × 1.2 µM = 6 µM.
 */
import { attempt, positive, tidy, type CalcResult } from './result';

/** Injection volume in mL: dose (mg/kg) × body weight (g → kg) / dosing solution (mg/mL). */
export function doseVolumeMl(input: {
  readonly doseMgPerKg: number;
  readonly bodyWeightG: number;
  readonly concentrationMgPerMl: number;
}): CalcResult<number> {
  return attempt(() => {
    const dose = positive(input.doseMgPerKg, 'dose (mg/kg)');
    const weightKg = positive(input.bodyWeightG, 'body weight (g)') / 1000;
    const concentration = positive(input.concentrationMgPerMl, 'dosing solution (mg/mL)');
    return tidy((dose * weightKg) / concentration);
  });
}

/** Treatment concentration at a multiple of IC50: multiple × IC50 (in the IC50's unit). */
export function concentrationAtMultiple(input: {
  readonly multiple: number;
  readonly ic50: number;
}): CalcResult<number> {
  return attempt(() => tidy(positive(input.multiple, 'multiple of IC50') * positive(input.ic50, 'IC50')));
}

/** The multiple of IC50 a concentration represents: conc / IC50 (same unit). */
export function multipleOfIc50(input: { readonly concentration: number; readonly ic50: number }): CalcResult<number> {
  return attempt(() => tidy(positive(input.concentration, 'concentration') / positive(input.ic50, 'IC50')));
}
