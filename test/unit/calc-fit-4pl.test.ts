import { describe, expect, it } from 'vitest';
import {
  type CalcResult,
  type DosePoint,
  type FourPlParams,
  absoluteIc50,
  fit4pl,
  fourPl,
  unwrap,
} from '../../shared/calc/index';

// Check B of the domain guide: Bottom 5, Top 100, IC50 3.0 µM, h 1.3; doses 100/3^k µM, k = 0..8.
const TRUTH: FourPlParams = { bottom: 5, top: 100, ic50: 3, hill: 1.3 };
const DOSES = Array.from({ length: 9 }, (_, k) => 100 / 3 ** k).reverse(); // lowest first
const CHECK_B_RESPONSES = [99.9012, 99.5891, 98.3091, 93.3238, 77.2274, 46.0344, 19.6478, 8.978, 5.985];
const CHECK_B: DosePoint[] = DOSES.map((dose, i) => ({ dose, response: CHECK_B_RESPONSES[i] as number }));

/** mulberry32: a small seeded PRNG, so noisy tests are reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal deviates by Box-Muller. */
function gaussian(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function noisyTriplicates(seed: number, sd: number, params = TRUTH): DosePoint[] {
  const noise = gaussian(prng(seed));
  return DOSES.flatMap((dose) => [0, 1, 2].map(() => ({ dose, response: fourPl(dose, params) + sd * noise() })));
}

function relative(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

function contains(ci: readonly [number, number] | null, value: number): boolean {
  return ci !== null && ci[0] <= value && value <= ci[1];
}

describe('4PL fit: Check B (exact constructed data)', () => {
  it('reproduces the responses of the guide from the parameters', () => {
    DOSES.forEach((dose, i) => expect(fourPl(dose, TRUTH)).toBeCloseTo(CHECK_B_RESPONSES[i] as number, 4));
  });

  it('recovers Bottom 5, Top 100, IC50 3.0, h 1.3 and the absolute IC50 3.2533', () => {
    const fit = unwrap(fit4pl(CHECK_B));
    expect(relative(fit.bottom.value, 5)).toBeLessThan(1e-3);
    expect(relative(fit.top.value, 100)).toBeLessThan(1e-3);
    expect(relative(fit.ic50.value, 3)).toBeLessThan(1e-3);
    expect(relative(fit.hill.value, 1.3)).toBeLessThan(1e-3);
    expect(fit.absIc50).not.toBeNull();
    expect(fit.absIc50 as number).toBeCloseTo(3.2533, 3);
    expect(fit.r2).toBeGreaterThan(0.999999);
    expect(fit.converged).toBe(true);
    expect(fit.flags).toEqual({ ic50OutsideRange: false, lowR2: false, notConverged: false });
    expect(fit.warnings).toEqual([]);
    expect(fit.n).toBe(9);
    expect(fit.dof).toBe(5);
    expect(fit.doseRange[0]).toBeCloseTo(100 / 3 ** 8, 12);
    expect(fit.doseRange[1]).toBe(100);
    // With data exact to 4 decimals the intervals are tight and contain the truth.
    expect(contains(fit.ic50.ci, 3)).toBe(true);
    expect(contains(fit.hill.ci, 1.3)).toBe(true);
  });

  it('gives the absolute IC50 from the formula, and none when 50 is not between Bottom and Top', () => {
    expect(absoluteIc50(TRUTH)).toBeCloseTo(3.2533, 4);
    expect(absoluteIc50({ ...TRUTH, bottom: 60 })).toBeNull();
    expect(absoluteIc50({ ...TRUTH, top: 40 })).toBeNull();
    // Bottom 0, Top 100: the relative and absolute IC50 coincide.
    expect(absoluteIc50({ ...TRUTH, bottom: 0 })).toBeCloseTo(3, 12);
  });

  it('accepts replicates at the same dose, in any order', () => {
    const triplicates = [...CHECK_B, ...CHECK_B, ...CHECK_B].reverse();
    const fit = unwrap(fit4pl(triplicates));
    expect(fit.n).toBe(27);
    expect(fit.dof).toBe(23);
    expect(relative(fit.ic50.value, 3)).toBeLessThan(1e-3);
    expect(relative(fit.hill.value, 1.3)).toBeLessThan(1e-3);
  });

  it('fits 9 doses × 3 replicates well under 5 ms', () => {
    const data = noisyTriplicates(7, 3);
    for (let i = 0; i < 10; i += 1) fit4pl(data); // warm up
    const times: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      const start = performance.now();
      unwrap(fit4pl(data));
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const medianMs = times[25] as number;
    expect(medianMs).toBeLessThan(5);
  });
});

describe('4PL fit: noisy triplicates', () => {
  it('puts the truth inside the 95 % intervals of a seeded noisy experiment', () => {
    const fit = unwrap(fit4pl(noisyTriplicates(2024, 3)));
    expect(fit.confidenceLevel).toBe(0.95);
    expect(contains(fit.bottom.ci, TRUTH.bottom)).toBe(true);
    expect(contains(fit.top.ci, TRUTH.top)).toBe(true);
    expect(contains(fit.ic50.ci, TRUTH.ic50)).toBe(true);
    expect(contains(fit.hill.ci, TRUTH.hill)).toBe(true);
    expect(fit.r2).toBeGreaterThan(0.99);
    // The IC50 interval is computed on log10 and is asymmetric around the estimate.
    const [low, high] = fit.ic50.ci as [number, number];
    expect(fit.ic50.value / low).toBeCloseTo(high / fit.ic50.value, 10);
    expect(fit.ic50.se as number).toBeCloseTo(fit.ic50.value * Math.LN10 * (fit.log10Ic50.se as number), 12);
  });

  it('has intervals that cover the truth about 95 % of the time (400 seeded experiments)', () => {
    const runs = 400;
    const covered = { bottom: 0, top: 0, ic50: 0, hill: 0 };
    for (let seed = 1; seed <= runs; seed += 1) {
      const fit = unwrap(fit4pl(noisyTriplicates(seed, 4)));
      if (contains(fit.bottom.ci, TRUTH.bottom)) covered.bottom += 1;
      if (contains(fit.top.ci, TRUTH.top)) covered.top += 1;
      if (contains(fit.ic50.ci, TRUTH.ic50)) covered.ic50 += 1;
      if (contains(fit.hill.ci, TRUTH.hill)) covered.hill += 1;
    }
    for (const count of Object.values(covered)) {
      expect(count / runs).toBeGreaterThan(0.9);
      expect(count / runs).toBeLessThan(0.99);
    }
  });

  it('uses the t distribution with n − 4 degrees of freedom', () => {
    const fit = unwrap(fit4pl(noisyTriplicates(11, 3)));
    const [low, high] = fit.hill.ci as [number, number];
    // t(0.975, 23) = 2.0687 (R: qt(0.975, 23))
    expect((high - low) / 2 / (fit.hill.se as number)).toBeCloseTo(2.0687, 4);
    const wider = unwrap(fit4pl(noisyTriplicates(11, 3), { confidenceLevel: 0.99 }));
    // t(0.995, 23) = 2.8073
    expect(((wider.hill.ci as [number, number])[1] - wider.hill.value) / (wider.hill.se as number)).toBeCloseTo(
      2.8073,
      4,
    );
  });
});

describe('4PL fit: flags', () => {
  it('flags an IC50 outside the tested doses', () => {
    const params = { ...TRUTH, ic50: 300 };
    const fit = unwrap(fit4pl(DOSES.map((dose) => ({ dose, response: fourPl(dose, params) }))));
    expect(fit.flags.ic50OutsideRange).toBe(true);
    expect(fit.warnings.join(' ')).toContain('outside the tested doses');
  });

  it('flags R² below 0.9 for data without a dose response', () => {
    const random = gaussian(prng(99));
    const flat = DOSES.flatMap((dose) => [0, 1, 2].map(() => ({ dose, response: 80 + 10 * random() })));
    const fit = unwrap(fit4pl(flat));
    expect(fit.r2).toBeLessThan(0.9);
    expect(fit.flags.lowR2).toBe(true);
    expect(fit.warnings.some((w) => w.startsWith('R² is'))).toBe(true);
  });

  it('flags a fit that did not converge within its iteration budget', () => {
    const fit = unwrap(fit4pl(noisyTriplicates(5, 3), { maxIterations: 1 }));
    expect(fit.converged).toBe(false);
    expect(fit.flags.notConverged).toBe(true);
    expect(fit.warnings[0]).toBe('The fit did not converge; its parameters are not reliable.');
  });

  it('returns no absolute IC50 when the curve never reaches 50', () => {
    const shallow = { bottom: 60, top: 100, ic50: 3, hill: 1 };
    const fit = unwrap(fit4pl(DOSES.map((dose) => ({ dose, response: fourPl(dose, shallow) }))));
    expect(fit.absIc50).toBeNull();
    expect(fit.warnings.join(' ')).toContain('no absolute IC50');
  });

  it('has no standard errors with exactly four points (no residual degrees of freedom)', () => {
    const four = [0.3, 1, 3, 10].map((dose) => ({ dose, response: fourPl(dose, TRUTH) }));
    const fit = unwrap(fit4pl(four));
    expect(fit.dof).toBe(0);
    expect(fit.ic50.se).toBeNull();
    expect(fit.ic50.ci).toBeNull();
    expect(fit.ic50.value).toBeCloseTo(3, 6);
  });
});

describe('4PL fit: bad input gives clear errors, never NaN', () => {
  function failure<T>(result: CalcResult<T>): { code: string; message: string } {
    if (result.ok) throw new Error('expected a failure');
    return result.error;
  }

  it('needs at least 4 different doses', () => {
    const three = [1, 3, 10].flatMap((dose) => [
      { dose, response: 50 },
      { dose, response: 60 },
    ]);
    expect(failure(fit4pl(three))).toMatchObject({
      code: 'too_few_points',
      message: 'The 4PL fit needs at least 4 different doses; got 3.',
    });
    expect(failure(fit4pl([])).code).toBe('too_few_points');
  });

  it('refuses zero, negative and non-finite doses and responses', () => {
    const withZero = [{ dose: 0, response: 100 }, ...CHECK_B];
    expect(failure(fit4pl(withZero))).toMatchObject({
      code: 'not_positive',
      message: 'Dose of point 1 must be greater than 0; got 0.',
    });
    expect(failure(fit4pl([...CHECK_B, { dose: -1, response: 3 }])).code).toBe('not_positive');
    expect(failure(fit4pl([...CHECK_B, { dose: 1, response: Number.NaN }]))).toMatchObject({
      code: 'not_finite',
      message: 'Response of point 10 must be a number; got NaN.',
    });
    expect(failure(fit4pl([...CHECK_B, { dose: Number.POSITIVE_INFINITY, response: 3 }])).code).toBe('not_finite');
    expect(failure(fit4pl(null as unknown as DosePoint[])).code).toBe('not_finite');
    expect(failure(fit4pl([null as unknown as DosePoint, ...CHECK_B])).code).toBe('not_finite');
  });

  it('refuses flat data and a confidence level outside (0, 1)', () => {
    expect(failure(fit4pl(DOSES.map((dose) => ({ dose, response: 42 })))).code).toBe('undefined_result');
    expect(failure(fit4pl(CHECK_B, { confidenceLevel: 95 })).code).toBe('out_of_range');
  });
});
