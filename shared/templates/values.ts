import { parseQuantity } from '../units/index';
import { SHA256_HEX } from '../attachments/limits';
import type { ImageValue, LinkValue, NumberValue, RawValue } from './block';

/**
 * Type guards for stored block values. Values come from JSON that anyone may
 * have edited (an old app version, a sync conflict, a hand-made import), so
 * every reader checks shapes instead of trusting the field's declared type.
 */

export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function isNumberValue(x: unknown): x is NumberValue {
  return isRecord(x) && typeof x.value === 'number' && typeof x.unit === 'string';
}

export function isRawValue(x: unknown): x is RawValue {
  return isRecord(x) && typeof x.raw === 'string' && !('value' in x);
}

export function isLinkValue(x: unknown): x is LinkValue {
  return isRecord(x) && typeof x.entryId === 'string' && x.entryId !== '' && typeof x.label === 'string';
}

/** An image field's value: a reference to an attachment by SHA-256, with the name and type it was stored with. */
export function isImageValue(x: unknown): x is ImageValue {
  return (
    isRecord(x) &&
    typeof x.sha256 === 'string' &&
    SHA256_HEX.test(x.sha256) &&
    typeof x.name === 'string' &&
    typeof x.mime === 'string'
  );
}

/** Nothing entered: absent, null, blank text, an empty list, an empty raw value, or a list of only empty items. */
export function isEmptyValue(x: unknown): boolean {
  if (x === undefined || x === null) return true;
  if (typeof x === 'string') return x.trim() === '';
  if (Array.isArray(x)) return x.every(isEmptyValue);
  if (isRawValue(x)) return x.raw.trim() === '';
  return false;
}

/** A finite plain number (integer and decimal fields store these). */
export function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** Text for messages: long values shortened so one bad value cannot flood the problem list. */
export function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}\u2026` : text;
}

/** A list of ids for a message: "a, b and c". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

/**
 * A stored quantity: a NumberValue, or a RawValue whose text reads as a
 * number with a unit ("1000 ug"). The editor may store what was typed before
 * it parsed; whatever reads cleanly counts as the value everywhere (checks,
 * computed values, rules, the index), so the block behaves the same either way.
 */
export function readQuantity(x: unknown): NumberValue | null {
  if (isNumberValue(x)) return Number.isFinite(x.value) ? x : null;
  if (isRawValue(x) && x.raw.length <= 200) {
    const parsed = parseQuantity(x.raw);
    return parsed.ok ? { value: parsed.value.value, unit: parsed.value.unit } : null;
  }
  return null;
}

const PLAIN_NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** A plain number: a finite number, or text (or a RawValue) that is exactly a number ("12", "0.1", "1e6"). */
export function readPlainNumber(x: unknown): number | null {
  if (isFiniteNumber(x)) return x;
  const text = typeof x === 'string' ? x : isRawValue(x) ? x.raw : null;
  if (text === null || text.length > 40 || !PLAIN_NUMBER.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}
