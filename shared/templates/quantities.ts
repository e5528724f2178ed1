import { type Quantity, type UnitFamilyId, convert, familyOf, parseUnit, toCanonical } from '../units/index';

/**
 * Exact unit conversion for the template engine, memoised. A conversion goes
 * through decimal arithmetic (shared/units/engine.ts) and costs about 20 µs;
 * the editor re-evaluates a block on every keystroke with the same handful of
 * values, so remembering the last few hundred conversions keeps evaluation
 * well under a millisecond.
 */

const MAX_ENTRIES = 512;
const memo = new Map<string, number | null>();

/** The value of `q` in `unit`, or null when it cannot be converted (other kind, unknown unit, not finite). */
export function valueInUnit(q: Quantity, unit: string): number | null {
  if (!Number.isFinite(q.value)) return null;
  if (q.unit === unit) return q.value;
  const key = `${q.value}\u0000${q.unit}\u0000${unit}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  let result: number | null;
  try {
    result = convert(q, unit).value;
  } catch {
    // A UnitError for the usual cases; anything else from the units library
    // is treated the same, because evaluation must never throw on stored data.
    result = null;
  }
  if (memo.size >= MAX_ENTRIES) memo.clear();
  memo.set(key, result);
  return result;
}

/** The family of a unit spelling, memoised; undefined for unknown units. */
const families = new Map<string, UnitFamilyId | null>();
export function familyOfUnit(unit: string): UnitFamilyId | undefined {
  const hit = families.get(unit);
  if (hit !== undefined) return hit ?? undefined;
  let family: UnitFamilyId | null;
  try {
    family = familyOf(unit) ?? null;
  } catch {
    family = null;
  }
  if (families.size >= MAX_ENTRIES) families.clear();
  families.set(unit, family);
  return family ?? undefined;
}

/** The quantity in its family's canonical unit (for the search index), or null. */
export function canonicalOf(q: Quantity, family?: UnitFamilyId): Quantity | null {
  if (!Number.isFinite(q.value)) return null;
  try {
    return toCanonical(q, family);
  } catch {
    return null;
  }
}

const unitChecks = new Map<string, string | null>();

/**
 * Why a stored unit cannot hold a value of `family` ("'mL' is a volume, not a
 * mass; use kg, g, mg, µg or ng"), or null when it can. Memoised: every
 * number of a block is checked on every evaluation.
 */
export function unitFamilyIssue(unit: string, family: UnitFamilyId): string | null {
  const key = `${family}\u0000${unit}`;
  const hit = unitChecks.get(key);
  if (hit !== undefined) return hit;
  const parsed = parseUnit(unit.slice(0, 40), family);
  const issue = parsed.ok ? null : parsed.error.message;
  if (unitChecks.size >= MAX_ENTRIES) unitChecks.clear();
  unitChecks.set(key, issue);
  return issue;
}
