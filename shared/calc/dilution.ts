/**
 * Dilutions (domain guide, T2 dilution table and T4 treatment):
 *   V1 = C2 × V2 / C1          (volume of stock for a final concentration)
 *   C2 = C1 × V1 / V2          (final concentration from a volume of stock)
 *   solvent % = V_solvent / V_total × 100
 * V2 is the final (total) volume, which includes the added stock. Demo:
 * 15 µM in 10 mL from 3.333 mM → 45 µL; 6 µL of 10 mM etoposide in 10 mL →
 * 6 µM and 0.06 % DMSO. Concentrations may be molar or mass concentrations,
 * the same kind for stock and final.
 */
import { type Quantity, familyOf, toReadableUnit } from '../units/index';
import { CalcError, attempt, capital, nonNegative, positive, tidy, type CalcResult } from './result';
import { requireQuantity, valueIn } from './quantities';

function concentrationUnit(q: Quantity, label: string): string {
  const family = familyOf(requireQuantity(q, label).unit);
  if (family === 'molarConcentration') return 'µM';
  if (family === 'massConcentration') return 'mg/mL';
  throw new CalcError('unit_mismatch', `${capital(label)} (${q.value} ${q.unit}) is not a concentration.`, label);
}

export interface DilutionInput {
  /** Stock concentration C1. */
  readonly stock: Quantity;
  /** Wanted final concentration C2 (same kind as the stock). */
  readonly final: Quantity;
  /** Final total volume V2. */
  readonly finalVolume: Quantity;
}

/**
 * V1 = C2·V2/C1: the volume of stock to add, in the most readable volume unit
 * (45 µL rather than 0.045 mL). A final concentration above the stock is
 * refused.
 */
export function stockVolume(input: DilutionInput): CalcResult<Quantity> {
  return attempt(() => {
    const unit = concentrationUnit(input.stock, 'stock concentration');
    const c1 = positive(valueIn(input.stock, unit, 'stock concentration'), 'stock concentration');
    const c2 = positive(valueIn(input.final, unit, 'final concentration'), 'final concentration');
    const v2 = positive(valueIn(input.finalVolume, 'mL', 'final volume'), 'final volume');
    if (c2 > c1) {
      throw new CalcError(
        'out_of_range',
        `The final concentration (${input.final.value} ${input.final.unit}) is above the stock (${input.stock.value} ${input.stock.unit}); use a more concentrated stock.`,
        'final',
      );
    }
    return toReadableUnit({ value: tidy((c2 * v2) / c1), unit: 'mL' }, 'volume');
  });
}

/**
 * C2 = C1·V1/V2: the final concentration from a volume of stock added to make
 * a final volume; in `unit` (default: the stock's unit family's readable unit).
 */
export function finalConcentration(input: {
  readonly stock: Quantity;
  readonly stockVolume: Quantity;
  readonly finalVolume: Quantity;
  readonly unit?: string;
}): CalcResult<Quantity> {
  return attempt(() => {
    const unit = concentrationUnit(input.stock, 'stock concentration');
    const c1 = positive(valueIn(input.stock, unit, 'stock concentration'), 'stock concentration');
    const v1 = positive(valueIn(input.stockVolume, 'mL', 'stock volume'), 'stock volume');
    const v2 = positive(valueIn(input.finalVolume, 'mL', 'final volume'), 'final volume');
    if (v1 > v2) {
      throw new CalcError('out_of_range', 'The stock volume is larger than the final volume.', 'stockVolume');
    }
    const result = { value: tidy((c1 * v1) / v2), unit };
    if (input.unit === undefined) return toReadableUnit(result);
    return { value: valueIn(result, input.unit, 'result unit'), unit: input.unit };
  });
}

/** Final solvent percentage, V_solvent / V_total × 100 (volumes in any volume units). */
export function solventPercent(input: {
  readonly solventVolume: Quantity;
  readonly totalVolume: Quantity;
}): CalcResult<number> {
  return attempt(() => {
    const solvent = nonNegative(valueIn(input.solventVolume, 'mL', 'solvent volume'), 'solvent volume');
    const total = positive(valueIn(input.totalVolume, 'mL', 'total volume'), 'total volume');
    if (solvent > total) {
      throw new CalcError('out_of_range', 'The solvent volume is larger than the total volume.', 'solventVolume');
    }
    return tidy((solvent / total) * 100);
  });
}

export type SolventLevel = 'ok' | 'warn' | 'block';

/**
 * Classifies a final solvent percentage (T2: warn above 0.1 %, block above
 * 0.5 %; thresholds configurable).
 */
export function solventLevel(
  percent: number,
  thresholds: { readonly warnAbove?: number; readonly blockAbove?: number } = {},
): CalcResult<SolventLevel> {
  return attempt(() => {
    const p = nonNegative(percent, 'solvent percentage');
    const warn = nonNegative(thresholds.warnAbove ?? 0.1, 'warning threshold');
    const block = nonNegative(thresholds.blockAbove ?? 0.5, 'blocking threshold');
    if (p > block) return 'block';
    if (p > warn) return 'warn';
    return 'ok';
  });
}

/**
 * The concentrations of a serial dilution, highest first: top / factor^k for
 * k = 0 … count − 1 (T3: top concentration, dilution factor, number of doses).
 */
export function dilutionSeries(input: {
  readonly top: number;
  readonly factor: number;
  readonly count: number;
}): CalcResult<number[]> {
  return attempt(() => {
    const top = positive(input.top, 'top concentration');
    const factor = positive(input.factor, 'dilution factor');
    const count = positive(input.count, 'number of doses');
    if (factor <= 1)
      throw new CalcError('out_of_range', `The dilution factor must be above 1; got ${factor}.`, 'factor');
    if (!Number.isInteger(count))
      throw new CalcError('out_of_range', `The number of doses must be whole; got ${count}.`, 'count');
    return Array.from({ length: count }, (_, k) => top / factor ** k);
  });
}
