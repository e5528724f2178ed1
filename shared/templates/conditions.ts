import type { Condition } from './definition';
import { valueInUnit } from './quantities';
import { compileUserRegex, testCapped } from './safe-regex';
import { isEmptyValue, isFiniteNumber, isLinkValue, isRecord, readPlainNumber, readQuantity } from './values';

/**
 * Evaluates the declarative conditions of cross-field rules. A reference can
 * stand for several values (a table column, a multi-choice field, several
 * links); a comparison then holds when it holds for at least one of them, so
 * "assays in [10x 3', multiome]" is true when either was chosen. Text
 * comparisons ignore case and surrounding spaces; numeric comparisons with a
 * `unit` convert the value exactly first, and a value that cannot be
 * converted (or is missing) never satisfies them.
 */

type Scalar = string | boolean | { num: number; unit: string | null };

function scalarsOf(value: unknown, out: Scalar[] = [], depth = 0): Scalar[] {
  if (depth > 3 || out.length > 10_000) return out;
  if (Array.isArray(value)) {
    for (const item of value) scalarsOf(item, out, depth + 1);
  } else if (typeof value === 'string') {
    out.push(value);
  } else if (typeof value === 'boolean') {
    out.push(value);
  } else if (isFiniteNumber(value)) {
    out.push({ num: value, unit: null });
  } else if (isLinkValue(value)) {
    out.push(value.label);
  } else {
    const q = readQuantity(value);
    if (q) out.push({ num: q.value, unit: q.unit });
  }
  return out;
}

const norm = (s: string): string => s.trim().toLowerCase();

function numberOf(s: Scalar, unit: string | undefined): number | null {
  if (typeof s === 'string') return readPlainNumber(s);
  if (typeof s !== 'object') return null;
  if (unit === undefined || s.unit === null) return s.num;
  return valueInUnit({ value: s.num, unit: s.unit }, unit);
}

function equals(s: Scalar, value: string | number | boolean, unit: string | undefined): boolean {
  if (typeof value === 'boolean') return s === value;
  if (typeof value === 'number') return numberOf(s, unit) === value;
  return typeof s === 'string' && norm(s) === norm(value);
}

function compare(op: 'gt' | 'gte' | 'lt' | 'lte', x: number, value: number): boolean {
  if (op === 'gt') return x > value;
  if (op === 'gte') return x >= value;
  if (op === 'lt') return x < value;
  return x <= value;
}

type Leaf = Extract<Condition, { ref: string }>;

function evaluateLeaf(cond: Leaf, value: unknown): boolean {
  if (cond.op === 'empty') return isEmptyValue(value);
  if (cond.op === 'present') return !isEmptyValue(value);
  const scalars = scalarsOf(value);
  const target = cond.value;
  switch (cond.op) {
    case 'eq':
      return target !== undefined && !Array.isArray(target) && scalars.some((s) => equals(s, target, cond.unit));
    case 'ne':
      return target !== undefined && !Array.isArray(target) && !scalars.some((s) => equals(s, target, cond.unit));
    case 'in': {
      if (!Array.isArray(target)) return false;
      const wanted = new Set(target.map(norm));
      return scalars.some((s) => typeof s === 'string' && wanted.has(norm(s)));
    }
    case 'matches': {
      if (typeof target !== 'string') return false;
      const compiled = compileUserRegex(target, 'i');
      return compiled.ok && scalars.some((s) => typeof s === 'string' && testCapped(compiled.regex, s));
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      if (typeof target !== 'number') return false;
      const op = cond.op;
      return scalars.some((s) => {
        const x = numberOf(s, cond.unit);
        return x !== null && compare(op, x, target);
      });
    }
    default:
      return false;
  }
}

/** True when the condition holds; `resolve` gives the value behind a reference. */
export function evaluateCondition(cond: Condition, resolve: (ref: string) => unknown, depth = 0): boolean {
  if (depth > 32 || !isRecord(cond)) return false;
  if ('all' in cond) return Array.isArray(cond.all) && cond.all.every((c) => evaluateCondition(c, resolve, depth + 1));
  if ('any' in cond) return Array.isArray(cond.any) && cond.any.some((c) => evaluateCondition(c, resolve, depth + 1));
  if ('not' in cond) return !evaluateCondition(cond.not, resolve, depth + 1);
  if (typeof cond.ref !== 'string') return false;
  return evaluateLeaf(cond, resolve(cond.ref));
}
