/**
 * Four-parameter logistic (4PL) dose-response fit (domain guide, "Dose-response
 * math"; the same model as R drc's LL.4 and GraphPad's "variable slope"):
 *
 *   y = Bottom + (Top − Bottom) / (1 + (x / IC50)^h)
 *
 * fitted by Levenberg-Marquardt (ml-levenberg-marquardt) on
 * θ = (Bottom, Top, log10 IC50, h), starting from Top = max y, Bottom = min y,
 * IC50 = median tested dose, h = 1. When that start does not converge to a
 * good fit (R² ≥ 0.9), IC50 starts one decade apart across the tested range
 * (± 1 decade) and a steep start (h = 3) are tried, and the lowest sum of
 * squares wins (see nls.ts). Replicates are separate points at the same dose.
 * Doses are in any one unit; IC50 comes back in that unit. Bounds: log10 IC50
 * within 4 decades of the tested doses, 0.01 ≤ h ≤ 20 (h > 0: an increasing
 * curve is fitted with Top < Bottom).
 *
 * Uncertainty: standard errors from s²(JᵀJ)⁻¹ (s² = SSR / (n − 4)); 95 %
 * intervals θ ± t(0.975, n − 4)·SE. IC50 is estimated on log10, so its interval
 * is 10^(log10 IC50 ± t·SE) (asymmetric, as GraphPad reports it) and its SE is
 * the delta-method IC50·ln10·SE(log10 IC50).
 *
 * Absolute IC50 (the dose giving a response of 50, e.g. 50 % viability):
 *   IC50 · ((Top − Bottom) / (50 − Bottom) − 1)^(1/h),
 * undefined (null) when 50 is not between Bottom and Top.
 */
import { type Estimate, confidenceLevel, estimate, fromLog10, logisticTail, readDosePoints, short } from './curve';
import { assessFit, fitNls, type NlsModel } from './nls';
import { CalcError, attempt, finite, type CalcResult } from './result';
import { median, tQuantile } from './stats';

export { type Estimate } from './curve';

export interface DosePoint {
  /** Dose (> 0), in one unit for all points. */
  readonly dose: number;
  /** Response, e.g. % viability. */
  readonly response: number;
}

export interface FourPlParams {
  readonly bottom: number;
  readonly top: number;
  readonly ic50: number;
  readonly hill: number;
}

export interface FourPlFlags {
  /** IC50 below the lowest or above the highest tested dose. */
  readonly ic50OutsideRange: boolean;
  /** R² below the threshold (0.9 by default). */
  readonly lowR2: boolean;
  /** The optimiser did not reach a stationary point inside the bounds. */
  readonly notConverged: boolean;
}

export interface FourPlFit {
  readonly bottom: Estimate;
  readonly top: Estimate;
  readonly ic50: Estimate;
  readonly log10Ic50: Estimate;
  readonly hill: Estimate;
  /** Dose at which the curve crosses the absolute response level (50), or null. */
  readonly absIc50: number | null;
  readonly r2: number;
  /** Sum of squared residuals. */
  readonly ssr: number;
  readonly n: number;
  /** Residual degrees of freedom, n − 4. */
  readonly dof: number;
  readonly confidenceLevel: number;
  readonly converged: boolean;
  readonly iterations: number;
  /** Lowest and highest tested dose. */
  readonly doseRange: readonly [number, number];
  readonly flags: FourPlFlags;
  /** The flags in words, for the entry. */
  readonly warnings: readonly string[];
}

export interface FourPlOptions {
  /** Confidence level of the intervals (default 0.95). */
  readonly confidenceLevel?: number;
  /** R² below this raises `lowR2` (default 0.9). */
  readonly minR2?: number;
  /** Response level of the absolute IC50 (default 50). */
  readonly absoluteLevel?: number;
  /** Iteration budget of the optimiser (default 1000). */
  readonly maxIterations?: number;
}

const LN10 = Math.LN10;

/** The 4PL curve at dose x. */
export function fourPl(x: number, p: FourPlParams): number {
  const s = logisticTail(p.hill * (Math.log(x) - Math.log(p.ic50)));
  return p.bottom + (p.top - p.bottom) * s;
}

/** Absolute IC50 (see file comment); null when the curve never reaches `level`. */
export function absoluteIc50(p: FourPlParams, level = 50): number | null {
  const ratio = (p.top - p.bottom) / (level - p.bottom) - 1;
  if (!(ratio > 0) || !Number.isFinite(ratio)) return null;
  const value = p.ic50 * ratio ** (1 / p.hill);
  return Number.isFinite(value) && value > 0 ? value : null;
}

// θ = [bottom, top, log10 IC50, h]
const MODEL: NlsModel = {
  value: ([b = 0, t = 0, l = 0, h = 1], x) => b + (t - b) * logisticTail(h * (Math.log(x) - l * LN10)),
  gradient: ([b = 0, t = 0, l = 0, h = 1], x) => {
    const d = Math.log(x) - l * LN10;
    const s = logisticTail(h * d);
    const ds = s * (1 - s);
    return [1 - s, s, (t - b) * ds * h * LN10, -(t - b) * ds * d];
  },
};

/**
 * Fits the 4PL model (see file comment). Fails with `too_few_points` for fewer
 * than 4 different doses, `not_positive`/`not_finite` for bad points,
 * `undefined_result` when every response is the same, and `fit_failed` when
 * the optimiser ends on non-finite parameters. A fit that ran but is doubtful
 * is returned with flags and warnings.
 */
export function fit4pl(points: readonly DosePoint[], options: FourPlOptions = {}): CalcResult<FourPlFit> {
  return attempt(() => {
    const { x, y, distinct } = readDosePoints(points, 4, '4PL fit');
    const level = confidenceLevel(options.confidenceLevel);
    const minR2 = finite(options.minR2 ?? 0.9, 'R² threshold');
    const absoluteLevel = finite(options.absoluteLevel ?? 50, 'absolute IC50 level');
    const maxY = Math.max(...y);
    const minY = Math.min(...y);
    const range = maxY - minY;
    if (range === 0)
      throw new CalcError('undefined_result', 'Every response is the same, so there is no curve to fit.');
    const lowDose = distinct[0] as number;
    const highDose = distinct[distinct.length - 1] as number;
    const logLow = Math.log10(lowDose);
    const logHigh = Math.log10(highDose);

    // The optimiser works on responses scaled to 0..1 (Bottom and Top enter the
    // model linearly, so this is exact); the same damping then suits any
    // readout, % viability or raw luminescence.
    const scaled = y.map((v) => (v - minY) / range);
    const logMedian = Math.log10(median(distinct));
    const grid: number[][] = [];
    for (let l = Math.floor(logLow) - 1; l <= Math.ceil(logHigh) + 1; l += 1) grid.push([0, 1, l, 1]);
    const solution = fitNls(MODEL, {
      x,
      y: scaled,
      starts: [[0, 1, logMedian, 1], ...grid, [0, 1, logMedian, 3]],
      min: [-10, -10, logLow - 4, 0.01],
      max: [11, 11, logHigh + 4, 20],
      maxIterations: options.maxIterations,
    });
    const [b = NaN, tp = NaN, logIc50 = NaN, hill = NaN] = solution.params;
    const bottom = minY + range * b;
    const top = minY + range * tp;
    if (![bottom, top, logIc50, hill].every(Number.isFinite)) {
      throw new CalcError('fit_failed', 'The 4PL fit produced no usable parameters; check the doses and responses.');
    }
    const fit = { ...assessFit(MODEL, [bottom, top, logIc50, hill], x, y), converged: solution.converged };
    const t = fit.dof > 0 ? tQuantile(1 - (1 - level) / 2, fit.dof) : null;
    const variance = (i: number): number | null => fit.covariance?.[i]?.[i] ?? null;
    const logEstimate = estimate(logIc50, variance(2), t);
    const ic50Estimate = fromLog10(logEstimate);
    const ic50 = ic50Estimate.value;
    const r2 = 1 - fit.ssr / fit.sst;
    const params: FourPlParams = { bottom, top, ic50, hill };
    const absIc50 = absoluteIc50(params, absoluteLevel);

    const flags: FourPlFlags = {
      ic50OutsideRange: ic50 < lowDose || ic50 > highDose,
      lowR2: r2 < minR2,
      notConverged: !fit.converged,
    };
    const warnings: string[] = [];
    if (flags.notConverged) warnings.push('The fit did not converge; its parameters are not reliable.');
    if (flags.lowR2) warnings.push(`R² is ${r2.toFixed(3)}, below ${minR2}: the curve describes the data poorly.`);
    if (flags.ic50OutsideRange) {
      warnings.push(
        `The IC50 (${short(ic50)}) is outside the tested doses (${short(lowDose)}–${short(highDose)}); it is an extrapolation.`,
      );
    }
    if (absIc50 === null) warnings.push(`The curve does not cross ${absoluteLevel}, so there is no absolute IC50.`);

    return {
      bottom: estimate(bottom, variance(0), t),
      top: estimate(top, variance(1), t),
      ic50: ic50Estimate,
      log10Ic50: logEstimate,
      hill: estimate(hill, variance(3), t),
      absIc50,
      r2,
      ssr: fit.ssr,
      n: fit.n,
      dof: fit.dof,
      confidenceLevel: level,
      converged: fit.converged,
      iterations: solution.iterations,
      doseRange: [lowDose, highDose],
      flags,
      warnings,
    };
  });
}
