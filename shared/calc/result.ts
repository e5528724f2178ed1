/**
 * Results of calculations. Every public calculation returns a
 * {@link CalcResult}: either a value or an issue with a stable code and a
 * message a scientist can act on ("Molecular weight must be greater than 0;
 * got 0."). Nothing returns NaN silently, and nothing throws an untyped error
 * for bad input.
 */

export type CalcErrorCode =
  /** NaN, Infinity or not a number at all. */
  | 'not_finite'
  /** Zero or negative where only a positive value means anything (MW, volume, dose). */
  | 'not_positive'
  /** Negative where zero is allowed (a count, a volume of solvent). */
  | 'negative'
  /** Outside the values that make sense (a fraction above 1, a final above the stock). */
  | 'out_of_range'
  /** Not enough points (a fit with fewer than 4 doses, a regression with one day). */
  | 'too_few_points'
  /** Two lists that must pair up have different lengths. */
  | 'length_mismatch'
  /** The formula has no value for these inputs (vehicle equal to blank, no growth). */
  | 'undefined_result'
  /** A quantity in a unit of the wrong kind. */
  | 'unit_mismatch'
  /** The fit produced no usable parameters. */
  | 'fit_failed';

export interface CalcIssue {
  readonly code: CalcErrorCode;
  readonly message: string;
  /** The input the issue is about, when there is one. */
  readonly field?: string;
}

export type CalcResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CalcIssue };

/** A calculation error; thrown by {@link unwrap} and inside calculations, caught by {@link attempt}. */
export class CalcError extends Error {
  readonly code: CalcErrorCode;
  readonly field: string | undefined;
  constructor(code: CalcErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'CalcError';
    this.code = code;
    this.field = field;
  }
}

export function ok<T>(value: T): CalcResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: CalcErrorCode, message: string, field?: string): CalcResult<T> {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}

/** Runs a calculation body; a {@link CalcError} thrown inside becomes a failed result. */
export function attempt<T>(body: () => T): CalcResult<T> {
  try {
    return ok(body());
  } catch (e) {
    if (e instanceof CalcError) return fail(e.code, e.message, e.field);
    throw e;
  }
}

/** The value of a result, or a thrown {@link CalcError} with the issue. */
export function unwrap<T>(result: CalcResult<T>): T {
  if (result.ok) return result.value;
  throw new CalcError(result.error.code, result.error.message, result.error.field);
}

// ---- Input guards (throw CalcError; used inside attempt) ----

function show(x: unknown): string {
  return typeof x === 'number' ? String(x) : x === undefined ? 'nothing' : (JSON.stringify(x) ?? String(x));
}

/** A finite number, or CalcError `not_finite` naming the input. */
export function finite(x: unknown, label: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new CalcError('not_finite', `${capital(label)} must be a number; got ${show(x)}.`, label);
  }
  return x;
}

/** A finite number > 0. */
export function positive(x: unknown, label: string): number {
  const v = finite(x, label);
  if (v <= 0) throw new CalcError('not_positive', `${capital(label)} must be greater than 0; got ${v}.`, label);
  return v;
}

/** A finite number >= 0. */
export function nonNegative(x: unknown, label: string): number {
  const v = finite(x, label);
  if (v < 0) throw new CalcError('negative', `${capital(label)} cannot be negative; got ${v}.`, label);
  return v;
}

/** A list of finite numbers with at least `min` entries. */
export function finiteList(xs: unknown, label: string, min = 1): number[] {
  if (!Array.isArray(xs)) throw new CalcError('not_finite', `${capital(label)} must be a list of numbers.`, label);
  if (xs.length < min) {
    throw new CalcError(
      'too_few_points',
      `${capital(label)} needs at least ${min} value${min === 1 ? '' : 's'}; got ${xs.length}.`,
      label,
    );
  }
  return xs.map((x, i) => finite(x, `${label} #${i + 1}`));
}

/**
 * Rounds a formula's result to 12 significant digits, dropping binary noise
 * (6 µL / 10 mL × 100 gives 0.060000000000000005, 100 × (20.9 − 22) / 22 gives
 * −5.000000000000007; this returns 0.06 and −5). Twelve digits is far beyond
 * any measurement's precision, and the stored number reads as computed.
 */
export function tidy(x: number): number {
  return Number.isFinite(x) && x !== 0 ? Number(x.toPrecision(12)) : x;
}

export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
