import { z } from 'zod';

/**
 * A number with its unit, the way every measured value is stored.
 *
 * `unit` is a normalised spelling (`µM`, `mg/mL`, `cells/mL`, `mm3`, `h`, `%`),
 * as produced by `parseQuantity`/`parseUnit`. `value` is a plain number; its
 * shortest decimal form (`String(value)`) is taken as the exact value, which is
 * the decimal the scientist typed, and conversions work on that decimal (see
 * engine.ts), so nothing drifts to 70.00000000000001.
 */
export interface Quantity {
  readonly value: number;
  readonly unit: string;
}

/** Schema of a stored quantity (finite value, non-empty unit spelling). */
export const QUANTITY_SCHEMA = z.object({
  value: z.number().refine(Number.isFinite, 'must be a finite number'),
  unit: z.string().min(1).max(40),
});
