/**
 * Errors of the units layer. Parsing user input returns a {@link UnitResult}
 * (the editor shows the message next to the field); converting values that
 * code already holds throws a {@link UnitError}, because a wrong unit there is
 * a programming or data error, not a typo.
 */

export type UnitErrorCode =
  /** Nothing was typed. */
  | 'empty'
  /** The text does not start with a number. */
  | 'not_a_number'
  /** A number without a unit where a unit is required. */
  | 'missing_unit'
  /** The unit is not one the notebook knows. */
  | 'unknown_unit'
  /** A known unit of the wrong kind (a mass where a concentration is expected). */
  | 'wrong_family'
  /** A conversion between units of different kinds (mM to mg). */
  | 'incompatible_units'
  /** NaN or an infinite value. */
  | 'not_finite';

/** What went wrong, for people (message) and for code (code). */
export interface UnitIssue {
  readonly code: UnitErrorCode;
  readonly message: string;
}

export type UnitResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: UnitIssue };

/** A units error thrown on purpose; `code` is stable, `message` is for people. */
export class UnitError extends Error {
  readonly code: UnitErrorCode;
  constructor(code: UnitErrorCode, message: string) {
    super(message);
    this.name = 'UnitError';
    this.code = code;
  }
}

export function unitOk<T>(value: T): UnitResult<T> {
  return { ok: true, value };
}

export function unitFail<T = never>(code: UnitErrorCode, message: string): UnitResult<T> {
  return { ok: false, error: { code, message } };
}
