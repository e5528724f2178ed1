/**
 * Growth of treated and regrowing cultures (domain guide, T4 and T5):
 *   population doublings   PD = log2(N_t / N_0)
 *   net growth rate        least-squares slope of log2 N on days (doublings/day)
 *   doubling time          DT = dt × ln 2 / ln(N2 / N1)
 *   persister fraction     N_end / N_0
 *   plateau                |rate| < 0.1 doublings/day (threshold configurable)
 *   vessels needed         ceil(target cells / (N_0 × fraction))
 * Demo: treated 1.8e4 (day 9) → 1.5e4 (day 12) is −0.088 doublings/day, a
 * plateau; persister fraction 1.5e4 / 1e6 = 1.5 %.
 */
import { CalcError, attempt, finite, nonNegative, positive, tidy, type CalcResult } from './result';
import { type LinearFit, linearRegression } from './stats';

export interface CountPoint {
  /** Day (or any time unit; rates are per that unit). */
  readonly day: number;
  /** Viable cell count (> 0). */
  readonly count: number;
}

/** Population doublings from N_0 to N_t: log2(N_t / N_0); negative when the population shrank. */
export function populationDoublings(input: { readonly n0: number; readonly nt: number }): CalcResult<number> {
  return attempt(() => Math.log2(positive(input.nt, 'count N_t') / positive(input.n0, 'starting count N_0')));
}

function readCounts(points: readonly CountPoint[]): { days: number[]; log2Counts: number[] } {
  if (!Array.isArray(points)) throw new CalcError('not_finite', 'The growth rate needs a list of days and counts.');
  const days = points.map((p: CountPoint | undefined, i) => finite(p?.day, `day of row ${i + 1}`));
  const log2Counts = points.map((p: CountPoint | undefined, i) =>
    Math.log2(positive(p?.count, `count of row ${i + 1}`)),
  );
  return { days, log2Counts };
}

export interface GrowthRate extends LinearFit {
  /** Doublings per day (the slope). */
  readonly rate: number;
}

/**
 * Net growth rate: the least-squares slope of log2 N against day, in
 * doublings per day (negative while cells die). Needs two or more different days.
 */
export function netGrowthRate(points: readonly CountPoint[]): CalcResult<GrowthRate> {
  return attempt(() => {
    const { days, log2Counts } = readCounts(points);
    if (new Set(days).size < 2) {
      throw new CalcError('too_few_points', 'A growth rate needs counts on at least two different days.', 'points');
    }
    const fit = linearRegression(days, log2Counts);
    if (!fit.ok) throw new CalcError(fit.error.code, fit.error.message, fit.error.field);
    return { ...fit.value, rate: fit.value.slope };
  });
}

/** True when |rate| < threshold doublings/day (default 0.1): the persister plateau. */
export function isPlateau(rate: number, threshold = 0.1): CalcResult<boolean> {
  return attempt(() => Math.abs(finite(rate, 'growth rate')) < positive(threshold, 'plateau threshold'));
}

/**
 * Doubling time DT = dt × ln 2 / ln(N2 / N1), in the unit of dt. Fails when the
 * count did not increase (no doubling time for a shrinking or static culture).
 */
export function doublingTime(input: {
  readonly n1: number;
  readonly n2: number;
  readonly dt: number;
}): CalcResult<number> {
  return attempt(() => {
    const n1 = positive(input.n1, 'first count');
    const n2 = positive(input.n2, 'second count');
    const dt = positive(input.dt, 'time between counts');
    if (n2 <= n1) {
      throw new CalcError(
        'undefined_result',
        `The count did not increase (${n1} → ${n2}), so there is no doubling time.`,
        'n2',
      );
    }
    return (dt * Math.LN2) / Math.log(n2 / n1);
  });
}

export interface IntervalDoubling {
  readonly fromDay: number;
  readonly toDay: number;
  /** Doubling time in days, or null when the count did not increase. */
  readonly doublingTime: number | null;
}

/** Doubling time over each interval between consecutive counts (days in increasing order). */
export function intervalDoublingTimes(points: readonly CountPoint[]): CalcResult<IntervalDoubling[]> {
  return attempt(() => {
    const { days } = readCounts(points);
    const sorted = points.map((p, i) => ({ day: days[i] as number, count: p.count })).sort((a, b) => a.day - b.day);
    const out: IntervalDoubling[] = [];
    for (let i = 1; i < sorted.length; i += 1) {
      const a = sorted[i - 1] as CountPoint;
      const b = sorted[i] as CountPoint;
      if (b.day === a.day) throw new CalcError('out_of_range', `Day ${a.day} is listed twice.`, 'points');
      const dt = doublingTime({ n1: a.count, n2: b.count, dt: b.day - a.day });
      out.push({ fromDay: a.day, toDay: b.day, doublingTime: dt.ok ? dt.value : null });
    }
    return out;
  });
}

/**
 * The day the culture first reaches `target` cells (T5: time to regrowth to
 * N_0), interpolating log2 N linearly between the two counts around the
 * crossing; null when it has not reached the target yet.
 */
export function timeToReach(points: readonly CountPoint[], target: number): CalcResult<number | null> {
  return attempt(() => {
    const goal = positive(target, 'target count');
    const { days, log2Counts } = readCounts(points);
    const rows = days.map((day, i) => ({ day, log2: log2Counts[i] as number })).sort((a, b) => a.day - b.day);
    const logGoal = Math.log2(goal);
    for (let i = 0; i < rows.length; i += 1) {
      const b = rows[i] as { day: number; log2: number };
      if (b.log2 < logGoal) continue;
      const a = rows[i - 1];
      if (!a) return b.day;
      return a.day + ((logGoal - a.log2) / (b.log2 - a.log2)) * (b.day - a.day);
    }
    return null;
  });
}

/** Persister fraction N_end / N_0 (a fraction; × 100 for %). */
export function persisterFraction(input: { readonly n0: number; readonly nEnd: number }): CalcResult<number> {
  return attempt(() => tidy(nonNegative(input.nEnd, 'final count') / positive(input.n0, 'starting count')));
}

/**
 * Vessels to seed for `targetCells` persisters when each vessel is seeded with
 * `seededPerVessel` cells and a fraction `fraction` survives:
 * ceil(target / (N_0 × fraction)).
 */
export function vesselsNeeded(input: {
  readonly targetCells: number;
  readonly seededPerVessel: number;
  readonly fraction: number;
}): CalcResult<number> {
  return attempt(() => {
    const target = positive(input.targetCells, 'target number of cells');
    const seeded = positive(input.seededPerVessel, 'cells seeded per vessel');
    const fraction = positive(input.fraction, 'persister fraction');
    if (fraction > 1) {
      throw new CalcError('out_of_range', `The persister fraction is a fraction (0–1); got ${fraction}.`, 'fraction');
    }
    const exact = target / (seeded * fraction);
    // Guard against 6.000000000000001 becoming 7 vessels.
    return Math.ceil(exact * (1 - 1e-12));
  });
}
