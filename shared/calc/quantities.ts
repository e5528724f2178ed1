import { type Quantity, UnitError, convert } from '../units/index';
import { CalcError, capital } from './result';

/** A quantity object with a unit, or CalcError `not_finite` naming the input. */
export function requireQuantity(q: Quantity | undefined | null, label: string): Quantity {
  if (!q || typeof q !== 'object' || typeof q.unit !== 'string') {
    throw new CalcError('not_finite', `${capital(label)} is missing.`, label);
  }
  return q;
}

/** Converts a quantity for a calculation, turning a units error into a calculation error. */
export function valueIn(q: Quantity, unit: string, label: string): number {
  const quantity = requireQuantity(q, label);
  try {
    return convert(quantity, unit).value;
  } catch (e) {
    if (e instanceof UnitError) throw new CalcError('unit_mismatch', `${capital(label)}: ${e.message}`, label);
    throw e;
  }
}
