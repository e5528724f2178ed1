import { describe, expect, it } from 'vitest';
import {
  type CalcResult,
  type GrParams,
  fit4pl,
  fitGr,
  gr50,
  grAoc,
  grCurve,
  grValue,
  unwrap,
} from '../../shared/calc/index';

// Check D of the domain guide: GRinf −0.3, GEC50 1, h 1.5 → GR50 = 0.7310.
const CHECK_D: GrParams = { grInf: -0.3, gec50: 1, hill: 1.5 };
const CONCENTRATIONS = Array.from({ length: 9 }, (_, k) => 30 / 3 ** k).reverse();

function failure<T>(result: CalcResult<T>): { code: string; message: string } {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

describe('GR values (Hafner et al. 2016)', () => {
  it('computes GR from treated, time-0 and vehicle counts', () => {
    // Vehicle 1e4 → 8e4 (3 doublings); treated 1e4 → 2e4 (1 doubling): GR = 2^(1/3) − 1.
    expect(unwrap(grValue({ treated: 2e4, initial: 1e4, control: 8e4 }))).toBeCloseTo(2 ** (1 / 3) - 1, 12);
    expect(unwrap(grValue({ treated: 8e4, initial: 1e4, control: 8e4 }))).toBeCloseTo(1, 12); // no effect
    expect(unwrap(grValue({ treated: 1e4, initial: 1e4, control: 8e4 }))).toBe(0); // cytostasis
    expect(unwrap(grValue({ treated: 5e3, initial: 1e4, control: 8e4 }))).toBeLessThan(0); // cell death
  });

  it('refuses a vehicle that did not grow and non-positive counts', () => {
    expect(failure(grValue({ treated: 1e4, initial: 1e4, control: 1e4 }))).toMatchObject({
      code: 'undefined_result',
      message: expect.stringContaining('The vehicle did not grow'),
    });
    expect(failure(grValue({ treated: 0, initial: 1e4, control: 8e4 })).code).toBe('not_positive');
    expect(failure(grValue({ treated: Number.NaN, initial: 1e4, control: 8e4 })).code).toBe('not_finite');
  });
});

describe('GR metrics: Check D', () => {
  it('GR50 = 0.7310 from the formula', () => {
    expect(gr50(CHECK_D)).toBeCloseTo(0.731, 4);
    expect(grCurve(gr50(CHECK_D) as number, CHECK_D)).toBeCloseTo(0.5, 12);
    expect(gr50({ ...CHECK_D, grInf: 0.5 })).toBeNull();
    expect(gr50({ ...CHECK_D, grInf: 0.7 })).toBeNull();
  });

  it('recovers GRinf, GEC50, h and GR50 = 0.7310 by fitting constructed GR values', () => {
    const fit = unwrap(
      fitGr(CONCENTRATIONS.map((concentration) => ({ concentration, gr: grCurve(concentration, CHECK_D) }))),
    );
    expect(fit.grInf.value).toBeCloseTo(-0.3, 6);
    expect(fit.gec50.value).toBeCloseTo(1, 6);
    expect(fit.hill.value).toBeCloseTo(1.5, 6);
    expect(fit.gr50 as number).toBeCloseTo(0.731, 4);
    expect(fit.r2).toBeGreaterThan(0.999999);
    expect(fit.converged).toBe(true);
    expect(fit.flags).toEqual({ notConverged: false, lowR2: false, gr50OutsideRange: false, flatFitPreferred: false });
  });

  it('goes from cell counts to GR50 = 0.7310 (time-0 plate, vehicle, treated wells)', () => {
    const initial = 1e4;
    const control = 8e4; // three doublings in the vehicle
    const points = CONCENTRATIONS.map((concentration) => {
      // Invert GR(c) = 2^(log2(x/x0) / log2(xc/x0)) − 1 for the treated count x.
      const treated = initial * 2 ** (Math.log2(control / initial) * Math.log2(1 + grCurve(concentration, CHECK_D)));
      return { concentration, gr: unwrap(grValue({ treated, initial, control })) };
    });
    const fit = unwrap(fitGr(points));
    expect(fit.gr50 as number).toBeCloseTo(0.731, 4);
  });

  it('computes GRmax and GR_AOC from the data as GRmetrics does', () => {
    const points = [
      { concentration: 0.1, gr: 1 },
      { concentration: 1, gr: 0.6 },
      { concentration: 1, gr: 0.4 }, // mean 0.5
      { concentration: 10, gr: 0 },
    ];
    // ∫(1 − GR) d log10 c by trapezoids: (0 + 0.5)/2 · 1 + (0.5 + 1)/2 · 1 = 1.0
    expect(unwrap(grAoc(points))).toBeCloseTo(1, 12);
    const fit = unwrap(
      fitGr([
        ...CONCENTRATIONS.map((concentration) => ({ concentration, gr: grCurve(concentration, CHECK_D) })),
        { concentration: 30, gr: -0.5 }, // mean at 30 becomes lower than at 10
      ]),
    );
    const at10 = grCurve(10, CHECK_D);
    const at30 = (grCurve(30, CHECK_D) - 0.5) / 2;
    expect(fit.grMax).toBeCloseTo(Math.min(at10, at30), 12);
  });
});

describe('GR fit: agreement with an independent implementation', () => {
  // Noisy triplicates around Check D (seeded, rounded to 3 decimals); the
  // reference numbers are SciPy 1.17.1 curve_fit(method='lm') on the same data
  // and model, with its default covariance s²(JᵀJ)⁻¹.
  const GR = [
    [1.027, 1.078, 0.988],
    [0.923, 1.027, 0.887],
    [1.021, 0.995, 1.007],
    [0.967, 0.962, 1.002],
    [0.705, 0.733, 0.741],
    [0.243, 0.245, 0.268],
    [-0.216, -0.099, -0.067],
    [-0.241, -0.333, -0.266],
    [-0.355, -0.252, -0.298],
  ];
  it('matches SciPy to 6 significant digits (parameters and standard errors)', () => {
    const points = CONCENTRATIONS.flatMap((concentration, i) =>
      (GR[i] as number[]).map((gr) => ({ concentration, gr })),
    );
    const fit = unwrap(fitGr(points));
    const close = (a: number, b: number) => expect(Math.abs(a - b) / Math.abs(b)).toBeLessThan(1e-6);
    close(fit.grInf.value, -0.3060322867064962);
    close(fit.log10Gec50.value, -0.034206929750493435);
    close(fit.hill.value, 1.5174473397316113);
    close(fit.grInf.se as number, 0.022713647043389955);
    close(fit.log10Gec50.se as number, 0.024386828188081095);
    close(fit.hill.se as number, 0.10906235425420245);
    close(fit.gr50 as number, 0.6747264652436908);
    expect(fit.flatFitPValue).toBeLessThan(1e-6);
  });
});

describe('GR fit: flags and bad input', () => {
  it('reports no GR50 when GRinf ≥ 0.5', () => {
    const weak = { grInf: 0.6, gec50: 1, hill: 1.5 };
    const fit = unwrap(
      fitGr(CONCENTRATIONS.map((concentration) => ({ concentration, gr: grCurve(concentration, weak) }))),
    );
    expect(fit.gr50).toBeNull();
    expect(fit.flags.gr50OutsideRange).toBe(true);
    expect(fit.warnings).toContain('GR never falls to 0.5 (GRinf ≥ 0.5), so GR50 is not defined.');
  });

  it('prefers a flat line for data without a response', () => {
    const flat = CONCENTRATIONS.flatMap((concentration, i) => [
      { concentration, gr: 0.9 + ((i * 7) % 5) * 0.02 },
      { concentration, gr: 0.92 - ((i * 3) % 4) * 0.02 },
    ]);
    const fit = unwrap(fitGr(flat));
    expect(fit.flags.flatFitPreferred).toBe(true);
    expect(fit.flatFitPValue).toBeGreaterThan(0.05);
  });

  it('needs four different concentrations and finite GR values', () => {
    expect(failure(fitGr([0.1, 1, 10].map((concentration) => ({ concentration, gr: 0.5 })))).code).toBe(
      'too_few_points',
    );
    expect(failure(fitGr([0.1, 1, 10].map((concentration) => ({ concentration, gr: 0.5 })))).message).toBe(
      'The GR fit needs at least 4 different concentrations; got 3.',
    );
    expect(
      failure(fitGr(CONCENTRATIONS.map((concentration, i) => ({ concentration, gr: i === 2 ? Number.NaN : 0.5 }))))
        .message,
    ).toBe('GR value of point 3 must be a number; got NaN.');
    expect(
      failure(fitGr(CONCENTRATIONS.map((concentration) => ({ concentration: -concentration, gr: 0.5 })))).code,
    ).toBe('not_positive');
  });
});

describe('4PL fit: agreement with an independent implementation', () => {
  // Noisy triplicates around Check B (seeded, rounded to 2 decimals); reference
  // numbers from SciPy 1.17.1 curve_fit(method='lm') on the same data and model.
  const Y = [
    [102.97, 106.25, 97.55],
    [101.03, 95.81, 99.15],
    [93.71, 104.4, 98.72],
    [91.71, 97.43, 95.61],
    [71.59, 82.77, 78.28],
    [44.91, 44.55, 51.79],
    [23.37, 15.6, 16.88],
    [9.74, 8.56, 7.82],
    [14.23, 8.38, 2.24],
  ];
  const DOSES = Array.from({ length: 9 }, (_, k) => 100 / 3 ** k).reverse();

  it('matches SciPy to 6 significant digits (parameters, standard errors, CI, R²)', () => {
    const fit = unwrap(fit4pl(DOSES.flatMap((dose, i) => (Y[i] as number[]).map((response) => ({ dose, response })))));
    const close = (a: number, b: number) => expect(Math.abs(a - b) / Math.abs(b)).toBeLessThan(1e-6);
    close(fit.bottom.value, 6.342029244262553);
    close(fit.top.value, 100.56072325504927);
    close(fit.log10Ic50.value, 0.4670218005022196);
    close(fit.hill.value, 1.366112902204339);
    close(fit.bottom.se as number, 2.0103033359146267);
    close(fit.top.se as number, 1.3911899170426707);
    close(fit.log10Ic50.se as number, 0.032067152277689165);
    close(fit.hill.se as number, 0.12408450099050039);
    close(fit.r2, 0.9910668246713865);
    close(fit.ic50.value, 2.931040372490181);
    close((fit.ic50.ci as [number, number])[0], 2.5158563598511883);
    close((fit.ic50.ci as [number, number])[1], 3.4147409217255675);
    close(fit.absIc50 as number, 3.2635243268812366);
  });
});
