/**
 * Small descriptive statistics shared by the calculations, and the Student t
 * quantile (from jStat) for confidence intervals.
 */
// @ts-expect-error -- jstat ships no type declarations; the functions used are typed by JStat below.
import jStatUntyped from 'jstat';
import { CalcError, attempt, finiteList, type CalcResult } from './result';

/** The part of jStat used here. */
interface JStat {
  studentt: { inv(p: number, dof: number): number };
  centralF: { cdf(x: number, d1: number, d2: number): number };
}
const jStat = jStatUntyped as JStat;

/** Arithmetic mean of a non-empty list (the caller checks the values). */
export function mean(xs: readonly number[]): number {
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/** Sample standard deviation (n − 1 in the denominator); needs at least 2 values. */
export function sampleSd(xs: readonly number[]): number {
  const m = mean(xs);
  let ss = 0;
  for (const x of xs) ss += (x - m) ** 2;
  return Math.sqrt(ss / (xs.length - 1));
}

/** Median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The p-quantile of Student's t distribution with `dof` degrees of freedom
 * (jStat.studentt.inv): for a two-sided 95 % interval, p = 0.975.
 */
export function tQuantile(p: number, dof: number): number {
  if (!(p > 0 && p < 1) || !(dof > 0)) throw new RangeError(`t quantile needs 0 < p < 1 and dof > 0`);
  return jStat.studentt.inv(p, dof);
}

/** Upper tail of the F distribution: P(F > f) with (d1, d2) degrees of freedom (jStat.centralF.cdf). */
export function fUpperTail(f: number, d1: number, d2: number): number {
  if (!(f >= 0)) return 1;
  return 1 - jStat.centralF.cdf(f, d1, d2);
}

export interface LinearFit {
  /** Least-squares slope. */
  readonly slope: number;
  /** Intercept at x = 0. */
  readonly intercept: number;
  /** Coefficient of determination; 1 when every y is the same and fitted exactly. */
  readonly r2: number;
  /** Number of points. */
  readonly n: number;
}

/**
 * Ordinary least-squares line y = intercept + slope·x. Needs at least two
 * distinct x values.
 */
export function linearRegression(xsIn: readonly number[], ysIn: readonly number[]): CalcResult<LinearFit> {
  return attempt(() => {
    const xs = finiteList(xsIn, 'x values', 2);
    const ys = finiteList(ysIn, 'y values', 2);
    if (xs.length !== ys.length) {
      throw new CalcError('length_mismatch', `There are ${xs.length} x values but ${ys.length} y values.`);
    }
    const mx = mean(xs);
    const my = mean(ys);
    let sxx = 0;
    let sxy = 0;
    let syy = 0;
    for (let i = 0; i < xs.length; i += 1) {
      const dx = (xs[i] as number) - mx;
      const dy = (ys[i] as number) - my;
      sxx += dx * dx;
      sxy += dx * dy;
      syy += dy * dy;
    }
    if (sxx === 0) throw new CalcError('too_few_points', 'A slope needs at least two different time points.');
    const slope = sxy / sxx;
    const ssr = Math.max(0, syy - slope * sxy);
    return { slope, intercept: my - slope * mx, r2: syy === 0 ? 1 : 1 - ssr / syy, n: xs.length };
  });
}
