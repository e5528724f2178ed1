import { parseQuantity, type UnitFamilyId } from '../../../shared/units';
import type { NumberValue, RawValue } from '../../../shared/templates/block';

/** The longest text kept for a value that does not parse (the stored shape allows 1000 characters). */
export const MAX_RAW = 1000;

// A plain number as people type it: 15, -0.5, .5, 1e6, 1.5E-3.
const PLAIN_NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isNumberValue(value: unknown): value is NumberValue {
  return isObject(value) && typeof value.value === 'number' && typeof value.unit === 'string';
}

export function isRawValue(value: unknown): value is RawValue {
  return isObject(value) && typeof value.raw === 'string';
}

function plainNumber(text: string): number | null {
  if (!PLAIN_NUMBER.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/**
 * What a number field stores for the text in its box: nothing when empty;
 * { value, unit } for a number (in the unit picked beside it, or the unit
 * typed after it when that unit fits the field); otherwise the text itself as
 * { raw }, so nothing typed is ever lost and the problem can be shown.
 */
export function readNumberText(text: string, unit: string, family?: UnitFamilyId): NumberValue | RawValue | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const plain = plainNumber(trimmed);
  if (plain !== null) return { value: plain, unit };
  const quantity = parseQuantity(trimmed, family);
  if (quantity.ok) return { value: quantity.value.value, unit: quantity.value.unit };
  return { raw: text.slice(0, MAX_RAW) };
}

/**
 * A stored number as text to edit: plain for everyday magnitudes, and in the
 * e-notation people type for counts and tiny doses (1.45e7, not 14500000).
 * Both are the exact stored number: it reads back to the same value.
 */
export function plainNumberText(n: number): string {
  const magnitude = Math.abs(n);
  if (magnitude !== 0 && (magnitude >= 1e6 || magnitude < 1e-4)) return n.toExponential().replace('e+', 'e');
  return String(n);
}

/** The text a stored number value shows in its box. */
export function numberToText(value: unknown): string {
  if (isNumberValue(value)) return plainNumberText(value.value);
  if (isRawValue(value)) return value.raw;
  if (typeof value === 'number') return plainNumberText(value);
  if (typeof value === 'string') return value;
  return '';
}

/** Integers: a whole number, or the typed text as { raw }. */
export function readIntegerText(text: string): number | RawValue | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const plain = plainNumber(trimmed);
  if (plain !== null && Number.isSafeInteger(plain)) return plain;
  return { raw: text.slice(0, MAX_RAW) };
}

/** Plain numbers without a unit (a dilution factor, a multiple of IC50): a number, or the typed text as { raw }. */
export function readDecimalText(text: string): number | RawValue | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const plain = plainNumber(trimmed);
  if (plain !== null) return plain;
  return { raw: text.slice(0, MAX_RAW) };
}

export function integerToText(value: unknown): string {
  if (typeof value === 'number') return String(value);
  return numberToText(value);
}

/** Two stored values are the same data (shapes are small: compare their JSON). */
export function sameStored(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}
