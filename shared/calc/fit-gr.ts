/**
 * Growth-rate inhibition (GR) metrics, Hafner et al. 2016 (Nat Methods 13:521;
 * domain guide, "Dose-response math"), computed the way the authors' reference
 * implementation (the GRmetrics R package) does.
 *
 * GR value of a well treated at concentration c, counted at the end of the
 * assay (x(c)), with x0 the count at the time of treatment and x_ctrl the
 * vehicle count at the end:
 *   GR(c) = 2^( log2(x(c) / x0) / log2(x_ctrl / x0) ) − 1
 * GR is 1 for no effect, 0 for complete cytostasis, negative for cell death.
 *
 * Fit (Levenberg-Marquardt on θ = (GRinf, log10 GEC50, h), bounds as in
 * GRmetrics: GRinf ∈ [−1, 1], log10 GEC50 within 2 decades of the tested range,
 * h ∈ [0.1, 5]; first start GRinf = lowest mean GR, GEC50 = median tested
 * concentration, h = 1, then other starts as for the 4PL fit):
 *   GR(c) = GRinf + (1 − GRinf) / (1 + (c / GEC50)^h)
 *   GR50 = GEC50 · ((1 − GRinf) / (0.5 − GRinf) − 1)^(1/h), undefined if GRinf ≥ 0.5.
 *
 * From the data, not the fit (as in GRmetrics):
 * - GRmax: the lower of the mean GR values at the two highest tested
 *   concentrations (the strongest effect observed at the top of the range).
 * - GR_AOC: area over the GR curve, ∫ (1 − GR) d log10(c) over the tested
 *   range, by the trapezoidal rule on the mean GR at each tested concentration
 *   in increasing order. Not normalised: its unit is log10 concentration, so
 *   it is comparable only between experiments with the same tested range.
 *
 * Whether the sigmoid is better than a flat line is an F test of the residual
 * sums of squares, F = ((RSS_flat − RSS_fit) / 2) / (RSS_fit / (n − 3)),
 * with (2, n − 3) degrees of freedom; p > 0.05 sets `flatFitPreferred`
 * (GRmetrics then reports a flat fit).
 */
import { type Estimate, confidenceLevel, estimate, fromLog10, logisticTail, readDosePoints, short } from './curve';
import { assessFit, fitNls, type NlsModel } from './nls';
import { CalcError, attempt, finite, positive, type CalcResult } from './result';
import { fUpperTail, mean, median, tQuantile } from './stats';

export interface GrCounts {
  /** Cell count (or a proportional readout) of the treated well at the end of the assay, x(c). */
  readonly treated: number;
  /** Count at the time of treatment (time-0 plate), x0. */
  readonly initial: number;
  /** Vehicle count at the end of the assay, x_ctrl. */
  readonly control: number;
}

/**
 * GR value of one well (see file comment). Fails when a count is not
 * positive, or when the vehicle did not grow (x_ctrl ≤ x0).
 */
export function grValue(counts: GrCounts): CalcResult<number> {
  return attempt(() => {
    const x = positive(counts.treated, 'treated count');
    const x0 = positive(counts.initial, 'time-0 count');
    const xc = positive(counts.control, 'vehicle count');
    if (xc <= x0) {
      throw new CalcError(
        'undefined_result',
        'The vehicle did not grow during the assay (vehicle count ≤ time-0 count), so GR values are undefined.',
        'control',
      );
    }
    return 2 ** (Math.log2(x / x0) / Math.log2(xc / x0)) - 1;
  });
}

export interface GrPoint {
  /** Concentration (> 0), in one unit for all points. */
  readonly concentration: number;
  /** GR value. */
  readonly gr: number;
}

export interface GrParams {
  readonly grInf: number;
  readonly gec50: number;
  readonly hill: number;
}

export interface GrFlags {
  readonly notConverged: boolean;
  readonly lowR2: boolean;
  /** GR50 undefined (GRinf ≥ 0.5) or outside the tested concentrations. */
  readonly gr50OutsideRange: boolean;
  /** The sigmoid is not significantly better than a flat line (F test p > 0.05). */
  readonly flatFitPreferred: boolean;
}

export interface GrFit {
  readonly grInf: Estimate;
  readonly gec50: Estimate;
  readonly log10Gec50: Estimate;
  readonly hill: Estimate;
  /** Concentration at which GR = 0.5, or null when GRinf ≥ 0.5. */
  readonly gr50: number | null;
  readonly grMax: number;
  readonly grAoc: number;
  readonly r2: number;
  readonly ssr: number;
  readonly n: number;
  readonly dof: number;
  /** p value of the F test of the sigmoid against a flat line. */
  readonly flatFitPValue: number;
  readonly confidenceLevel: number;
  readonly converged: boolean;
  readonly iterations: number;
  readonly concentrationRange: readonly [number, number];
  readonly flags: GrFlags;
  readonly warnings: readonly string[];
}

export interface GrFitOptions {
  readonly confidenceLevel?: number;
  readonly minR2?: number;
  /** p value above which a flat line is preferred (default 0.05). */
  readonly flatPValue?: number;
  readonly maxIterations?: number;
}

/** The GR curve at concentration c. */
export function grCurve(c: number, p: GrParams): number {
  return p.grInf + (1 - p.grInf) * logisticTail(p.hill * (Math.log(c) - Math.log(p.gec50)));
}

/** GR50 from the curve parameters (see file comment); null when GRinf ≥ 0.5. */
export function gr50(p: GrParams): number | null {
  if (!(p.grInf < 0.5)) return null;
  const value = p.gec50 * ((1 - p.grInf) / (0.5 - p.grInf) - 1) ** (1 / p.hill);
  return Number.isFinite(value) && value > 0 ? value : null;
}

const LN10 = Math.LN10;
const GR_NAMES = { dose: 'concentration', response: 'GR value' };

// θ = [GRinf, log10 GEC50, h]
const MODEL: NlsModel = {
  value: ([g = 0, l = 0, h = 1], c) => g + (1 - g) * logisticTail(h * (Math.log(c) - l * LN10)),
  gradient: ([g = 0, l = 0, h = 1], c) => {
    const d = Math.log(c) - l * LN10;
    const s = logisticTail(h * d);
    const ds = s * (1 - s);
    return [1 - s, (1 - g) * ds * h * LN10, -(1 - g) * ds * d];
  },
};

/** Mean GR at each distinct concentration, in increasing concentration. */
function meansByConcentration(x: readonly number[], y: readonly number[]): { c: number; gr: number }[] {
  const groups = new Map<number, number[]>();
  x.forEach((c, i) => {
    const list = groups.get(c) ?? [];
    list.push(y[i] as number);
    groups.set(c, list);
  });
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([c, values]) => ({ c, gr: mean(values) }));
}

/** GR_AOC (see file comment) from GR points; needs two or more concentrations. */
export function grAoc(points: readonly GrPoint[]): CalcResult<number> {
  return attempt(() => {
    if (!Array.isArray(points))
      throw new CalcError('not_finite', 'GR_AOC needs a list of concentration and GR points.');
    const { x, y } = readDosePoints(
      points.map((p) => ({ dose: p?.concentration, response: p?.gr }) as { dose: number; response: number }),
      2,
      'GR area over the curve',
      GR_NAMES,
    );
    return aocOf(meansByConcentration(x, y));
  });
}

function aocOf(means: readonly { c: number; gr: number }[]): number {
  let area = 0;
  for (let i = 1; i < means.length; i += 1) {
    const a = means[i - 1] as { c: number; gr: number };
    const b = means[i] as { c: number; gr: number };
    area += ((1 - a.gr + (1 - b.gr)) / 2) * (Math.log10(b.c) - Math.log10(a.c));
  }
  return area;
}

/**
 * Fits the GR curve and computes GR50, GRmax and GR_AOC (see file comment).
 * Needs at least 4 different concentrations.
 */
export function fitGr(points: readonly GrPoint[], options: GrFitOptions = {}): CalcResult<GrFit> {
  return attempt(() => {
    if (!Array.isArray(points))
      throw new CalcError('not_finite', 'The GR fit needs a list of concentration and GR points.');
    const { x, y, distinct } = readDosePoints(
      points.map((p) => ({ dose: p?.concentration, response: p?.gr }) as { dose: number; response: number }),
      4,
      'GR fit',
      GR_NAMES,
    );
    const level = confidenceLevel(options.confidenceLevel);
    const minR2 = finite(options.minR2 ?? 0.9, 'R² threshold');
    const low = distinct[0] as number;
    const high = distinct[distinct.length - 1] as number;
    const means = meansByConcentration(x, y);
    const lowestMean = Math.min(...means.map((m) => m.gr));

    const logLow = Math.log10(low);
    const logHigh = Math.log10(high);
    const startInf = Math.min(0.9, Math.max(-0.9, lowestMean));
    const logMedian = Math.log10(median(distinct));
    const grid: number[][] = [];
    for (let l = Math.floor(logLow) - 1; l <= Math.ceil(logHigh) + 1; l += 1) grid.push([startInf, l, 1]);
    const solution = fitNls(MODEL, {
      x,
      y,
      starts: [[startInf, logMedian, 1], ...grid, [startInf, logMedian, 3]],
      min: [-1, logLow - 2, 0.1],
      max: [1, logHigh + 2, 5],
      maxIterations: options.maxIterations,
    });
    const [grInf = NaN, logGec50 = NaN, hill = NaN] = solution.params;
    if (![grInf, logGec50, hill].every(Number.isFinite)) {
      throw new CalcError('fit_failed', 'The GR fit produced no usable parameters; check the GR values.');
    }
    const fit = { ...assessFit(MODEL, solution.params, x, y), converged: solution.converged };
    const t = fit.dof > 0 ? tQuantile(1 - (1 - level) / 2, fit.dof) : null;
    const variance = (i: number): number | null => fit.covariance?.[i]?.[i] ?? null;
    const logEstimate = estimate(logGec50, variance(1), t);
    const gec50Estimate = fromLog10(logEstimate);
    const gec50 = gec50Estimate.value;
    const value50 = gr50({ grInf, gec50, hill });
    const r2 = fit.sst > 0 ? 1 - fit.ssr / fit.sst : fit.ssr === 0 ? 1 : 0;

    const flatDof = fit.n - 3;
    const fValue = flatDof > 0 && fit.ssr > 0 ? (fit.sst - fit.ssr) / 2 / (fit.ssr / flatDof) : Infinity;
    const flatFitPValue = flatDof > 0 ? (fValue === Infinity ? 0 : fUpperTail(fValue, 2, flatDof)) : 1;

    const topTwo = means.slice(-2).map((m) => m.gr);
    const grMax = Math.min(...topTwo);

    const flags: GrFlags = {
      notConverged: !fit.converged,
      lowR2: r2 < minR2,
      gr50OutsideRange: value50 === null || value50 < low || value50 > high,
      flatFitPreferred: flatFitPValue > (options.flatPValue ?? 0.05),
    };
    const warnings: string[] = [];
    if (flags.notConverged) warnings.push('The GR fit did not converge; its parameters are not reliable.');
    if (flags.lowR2) warnings.push(`R² is ${r2.toFixed(3)}, below ${minR2}: the curve describes the data poorly.`);
    if (value50 === null) warnings.push('GR never falls to 0.5 (GRinf ≥ 0.5), so GR50 is not defined.');
    else if (flags.gr50OutsideRange) {
      warnings.push(`GR50 (${short(value50)}) is outside the tested concentrations (${short(low)}–${short(high)}).`);
    }
    if (flags.flatFitPreferred) {
      warnings.push(`A flat line fits as well as the curve (F test p = ${flatFitPValue.toPrecision(2)}).`);
    }

    return {
      grInf: estimate(grInf, variance(0), t),
      gec50: gec50Estimate,
      log10Gec50: logEstimate,
      hill: estimate(hill, variance(2), t),
      gr50: value50,
      grMax,
      grAoc: aocOf(means),
      r2,
      ssr: fit.ssr,
      n: fit.n,
      dof: fit.dof,
      flatFitPValue,
      confidenceLevel: level,
      converged: fit.converged,
      iterations: solution.iterations,
      concentrationRange: [low, high],
      flags,
      warnings,
    };
  });
}
