/**
 * Nonlinear least squares for the dose-response fits: Levenberg-Marquardt from
 * ml-levenberg-marquardt (with an analytic Jacobian), plus what that library
 * does not do: a convergence test, several starting points, and the parameter
 * covariance.
 *
 * Convergence: the library stops only on an absolute error tolerance or its
 * iteration cap, so it is run in chunks; after each chunk the Gauss-Newton
 * step (JᵀJ)⁻¹Jᵀr at the best parameters is computed, and the fit has
 * converged when every component of that step is below 1e-7 of its parameter's
 * scale (a stationary point of the sum of squares) and the step stays inside
 * the bounds. A fit stuck on a bound or still moving after its iteration budget
 * is reported as not converged.
 *
 * Starting points: the first start is the documented one; if it does not
 * converge to a good fit (R² ≥ 0.9), the other starts are tried and the lowest
 * sum of squares wins. Sigmoid fits have flat regions where a single start can
 * stall (an IC50 far outside the tested doses, for example).
 *
 * Covariance: s²(JᵀJ)⁻¹ with s² = SSR / (n − p), J the model Jacobian at the
 * solution (the usual asymptotic covariance, as in R's nls and GraphPad).
 */
import { levenbergMarquardt } from 'ml-levenberg-marquardt';
import { Matrix, SingularValueDecomposition } from 'ml-matrix';

export interface NlsModel {
  /** Model value at x for parameters p. */
  readonly value: (p: readonly number[], x: number) => number;
  /** Partial derivatives of the model value with respect to each parameter. */
  readonly gradient: (p: readonly number[], x: number) => number[];
}

export interface NlsProblem {
  readonly x: readonly number[];
  readonly y: readonly number[];
  /** Starting points, the preferred one first. */
  readonly starts: readonly (readonly number[])[];
  readonly min: readonly number[];
  readonly max: readonly number[];
  /** Iteration budget of each start (default 500). */
  readonly maxIterations?: number;
}

export interface NlsSolution {
  readonly params: number[];
  readonly ssr: number;
  /** Iterations over all starts tried. */
  readonly iterations: number;
  readonly converged: boolean;
  /** True when a parameter ended on one of its bounds. */
  readonly atBound: boolean;
}

export interface NlsAssessment {
  readonly ssr: number;
  /** Total sum of squares about the mean of y. */
  readonly sst: number;
  readonly n: number;
  /** Residual degrees of freedom, n − p. */
  readonly dof: number;
  /** s²(JᵀJ)⁻¹, or null when dof = 0 or JᵀJ is (numerically) singular. */
  readonly covariance: number[][] | null;
}

const CHUNK = 25;
/** Extra starts get this many iterations; the best of them is then run to the full budget. */
const PROBE_ITERATIONS = 100;
const STEP_TOLERANCE = 1e-7;
const GOOD_R2 = 0.9;
// Damping settings that solved the most constructed curves (IC50 from 0.003 to
// 3000 µM on doses 0.015-100 µM, Hill 0.6 to 3, exact and noisy). The library
// starts every call at `damping`; a chunk after the first starts near
// Gauss-Newton (LATER_DAMPING), since the previous chunk already got close.
const LM_SETTINGS = { damping: 1, dampingStepUp: 3, dampingStepDown: 2, improvementThreshold: 0.25 };
const LATER_DAMPING = 0.01;

function jacobian(model: NlsModel, p: readonly number[], xs: readonly number[]): Matrix {
  return new Matrix(xs.map((x) => model.gradient(p, x)));
}

function ssrOf(model: NlsModel, p: readonly number[], xs: readonly number[], ys: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < xs.length; i += 1) s += ((ys[i] as number) - model.value(p, xs[i] as number)) ** 2;
  return s;
}

/** True when no singular value is negligible next to the largest (JᵀJ invertible). */
function fullRank(singularValues: readonly number[]): boolean {
  const largest = Math.max(...singularValues);
  return largest > 0 && singularValues.every((v) => v > largest * 1e-10);
}

/** The Gauss-Newton step solving J δ = r in least squares; null when J is rank-deficient. */
function gaussNewtonStep(j: Matrix, r: Matrix): number[] | null {
  const svd = new SingularValueDecomposition(j, { autoTranspose: true });
  if (!fullRank(svd.diagonal)) return null;
  return svd.solve(r).to1DArray();
}

function runFrom(model: NlsModel, problem: NlsProblem, start: readonly number[], budget: number): NlsSolution {
  const { x, y, min, max } = problem;
  const data = { x: [...x], y: [...y] };
  const scale = Math.max(
    y.reduce((a, b) => a + b * b, 0),
    Number.MIN_VALUE,
  );
  let params = [...start];
  let iterations = 0;
  let converged = false;
  while (iterations < budget) {
    const result = levenbergMarquardt(data, (p) => (xi) => model.value(p, xi), {
      ...LM_SETTINGS,
      damping: iterations === 0 ? LM_SETTINGS.damping : LATER_DAMPING,
      initialValues: params,
      minValues: [...min],
      maxValues: [...max],
      maxIterations: Math.min(CHUNK, budget - iterations),
      errorTolerance: 1e-24 * scale,
      jacobianFunction: (p) => (xi) => model.gradient(p, xi),
    });
    iterations += result.iterations;
    const next = result.parameterValues;
    if (!next.every(Number.isFinite)) break;
    params = next;
    const r = Matrix.columnVector(x.map((xi, i) => (y[i] as number) - model.value(params, xi)));
    const step = gaussNewtonStep(jacobian(model, params, x), r);
    if (step && step.every((d, i) => Math.abs(d) <= STEP_TOLERANCE * Math.max(Math.abs(params[i] as number), 1))) {
      converged = params.every((v, i) => {
        const stepped = v + (step[i] as number);
        return stepped >= (min[i] as number) && stepped <= (max[i] as number);
      });
      break;
    }
    if (result.iterations === 0) break;
  }
  const atBound = params.some((v, i) => v <= (min[i] as number) || v >= (max[i] as number));
  return { params, ssr: ssrOf(model, params, x, y), iterations, converged: converged && !atBound, atBound };
}

/** Fits the model from each start in turn (see file comment) and returns the best solution. */
export function fitNls(model: NlsModel, problem: NlsProblem): NlsSolution {
  const budget = problem.maxIterations ?? 500;
  const mean = problem.y.reduce((a, b) => a + b, 0) / problem.y.length;
  const sst = problem.y.reduce((a, b) => a + (b - mean) ** 2, 0);
  const good = (s: NlsSolution): boolean => s.converged && (sst === 0 || 1 - s.ssr / sst >= GOOD_R2);
  let best: NlsSolution | null = null;
  let iterations = 0;
  for (const [index, start] of problem.starts.entries()) {
    const solution = runFrom(model, problem, start, index === 0 ? budget : Math.min(PROBE_ITERATIONS, budget));
    iterations += solution.iterations;
    if (Number.isFinite(solution.ssr) && (best === null || solution.ssr < best.ssr)) best = solution;
    if (best !== null && good(best)) break;
  }
  let chosen: NlsSolution | null = best;
  if (chosen !== null && !chosen.converged && !chosen.atBound && problem.starts.length > 1) {
    const polished = runFrom(model, problem, chosen.params, budget);
    iterations += polished.iterations;
    if (polished.ssr <= chosen.ssr) chosen = polished;
  }
  if (chosen === null) {
    return { params: [...(problem.starts[0] ?? [])], ssr: NaN, iterations, converged: false, atBound: false };
  }
  return { ...chosen, iterations };
}

/** Sums of squares and the covariance s²(JᵀJ)⁻¹ of a solution, on the data given. */
export function assessFit(
  model: NlsModel,
  params: readonly number[],
  x: readonly number[],
  y: readonly number[],
): NlsAssessment {
  const n = x.length;
  const p = params.length;
  const mean = y.reduce((a, b) => a + b, 0) / n;
  const sst = y.reduce((a, b) => a + (b - mean) ** 2, 0);
  const ssr = ssrOf(model, params, x, y);
  const dof = n - p;
  let covariance: number[][] | null = null;
  if (dof > 0 && params.every(Number.isFinite)) {
    const svd = new SingularValueDecomposition(jacobian(model, params, x), { autoTranspose: true });
    const s = svd.diagonal;
    if (fullRank(s)) {
      // (JᵀJ)⁻¹ = V diag(1/s²) Vᵀ
      const v = svd.rightSingularVectors;
      const inv = new Matrix(p, p);
      for (let a = 0; a < p; a += 1) {
        for (let b = 0; b < p; b += 1) {
          let sum = 0;
          for (let k = 0; k < s.length; k += 1) sum += (v.get(a, k) * v.get(b, k)) / (s[k] as number) ** 2;
          inv.set(a, b, sum);
        }
      }
      covariance = inv.mul(ssr / dof).to2DArray();
    }
  }
  return { ssr, sst, n, dof, covariance };
}
