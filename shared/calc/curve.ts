/** Pieces shared by the 4PL and GR fits. */
import { CalcError, finite, positive } from './result';

/** A fitted parameter with its standard error and confidence interval (null when not estimable). */
export interface Estimate {
  readonly value: number;
  readonly se: number | null;
  readonly ci: readonly [number, number] | null;
}

/** 1 / (1 + e^z) without overflow; the logistic part of both dose-response curves. */
export function logisticTail(z: number): number {
  if (z >= 0) {
    const e = Math.exp(-z);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(z));
}

/** value ± t·SE from a variance; no SE or interval when either is missing. */
export function estimate(value: number, variance: number | null, t: number | null): Estimate {
  if (variance === null || !(variance >= 0) || t === null) return { value, se: null, ci: null };
  const se = Math.sqrt(variance);
  return { value, se, ci: [value - t * se, value + t * se] };
}

/**
 * A concentration fitted as log10: the value is 10^log, its SE by the delta
 * method (value·ln10·SE(log)), its interval 10^(log ± t·SE) (asymmetric).
 */
export function fromLog10(log: Estimate): Estimate {
  const value = 10 ** log.value;
  return {
    value,
    se: log.se === null ? null : value * Math.LN10 * log.se,
    ci: log.ci === null ? null : [10 ** log.ci[0], 10 ** log.ci[1]],
  };
}

/** Checks dose/response points and returns doses, responses and the sorted distinct doses. */
export function readDosePoints(
  points: readonly { readonly dose: number; readonly response: number }[],
  minDistinct: number,
  what: string,
  names: { dose: string; response: string } = { dose: 'dose', response: 'response' },
): { x: number[]; y: number[]; distinct: number[] } {
  if (!Array.isArray(points)) {
    throw new CalcError('not_finite', `The ${what} needs a list of ${names.dose} and ${names.response} points.`);
  }
  const x: number[] = [];
  const y: number[] = [];
  points.forEach((point: { dose?: unknown; response?: unknown } | undefined, i) => {
    x.push(positive(point?.dose, `${names.dose} of point ${i + 1}`));
    y.push(finite(point?.response, `${names.response} of point ${i + 1}`));
  });
  const distinct = [...new Set(x)].sort((a, b) => a - b);
  if (distinct.length < minDistinct) {
    throw new CalcError(
      'too_few_points',
      `The ${what} needs at least ${minDistinct} different ${names.dose}s; got ${distinct.length}.`,
      'points',
    );
  }
  return { x, y, distinct };
}

/** Checks a confidence level (0 < level < 1) and returns the two-sided quantile probability. */
export function confidenceLevel(level: number | undefined): number {
  const value = level ?? 0.95;
  if (!(typeof value === 'number' && value > 0 && value < 1)) {
    throw new CalcError(
      'out_of_range',
      `The confidence level must be between 0 and 1; got ${String(value)}.`,
      'confidenceLevel',
    );
  }
  return value;
}

/** A number with 3 significant digits for a message (0.0152, 100, 3.25). */
export function short(x: number): string {
  return String(Number(x.toPrecision(3)));
}
