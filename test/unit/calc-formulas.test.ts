import { describe, expect, it } from 'vitest';
import {
  CalcError,
  type CalcResult,
  bodyWeightChangePercent,
  concentrationAtMultiple,
  dilutionSeries,
  doseVolumeMl,
  doublingTime,
  endpointFlags,
  finalConcentration,
  fit4pl,
  fitGr,
  foldShift,
  grValue,
  intervalDoublingTimes,
  isPlateau,
  linearRegression,
  massForStockMg,
  moiFromPositiveFraction,
  multipleOfIc50,
  netGrowthRate,
  percentOfDay0,
  percentOfVehicle,
  percentViabilities,
  percentViability,
  persisterFraction,
  populationDoublings,
  positiveFractionFromMoi,
  relativeTumourVolume,
  solventLevel,
  solventPercent,
  stockMolarity,
  stockMolarityMm,
  stockVolume,
  tQuantile,
  tgiPercent,
  timeToReach,
  toleranceClass,
  tumourVolumeMm3,
  unwrap,
  vesselsNeeded,
  virusVolumeUl,
  zPrime,
} from '../../shared/calc/index';

function failure<T>(result: CalcResult<T>): { code: string; message: string; field?: string } {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('formulas', () => {
  it('stock molarity and the mass to weigh', () => {
    expect(unwrap(stockMolarityMm({ massMg: 5, mwGPerMol: 250, volumeMl: 2 }))).toBe(10);
    expect(unwrap(massForStockMg({ targetMm: 10, mwGPerMol: 250, volumeMl: 2 }))).toBe(5);
  });

  it('% viability normalised to blank and vehicle', () => {
    expect(unwrap(percentViability({ signal: 550, blank: 100, vehicle: 1000 }))).toBe(50);
    expect(unwrap(percentViability({ signal: 100, blank: 100, vehicle: 1000 }))).toBe(0);
    expect(unwrap(percentViabilities({ signals: [1000, 550, 100], blanks: [90, 110], vehicles: [990, 1010] }))).toEqual(
      [100, 50, 0],
    );
    expect(failure(percentViability({ signal: 5, blank: 10, vehicle: 10 }))).toMatchObject({
      code: 'undefined_result',
      message: expect.stringContaining('vehicle signal equals the blank'),
    });
  });

  it("Z' with sample standard deviations", () => {
    // means 100 and 10, sample SDs 10 and 5: Z' = 1 − 3·15/90 = 0.5
    const result = unwrap(zPrime({ positive: [90, 100, 110], negative: [5, 10, 15] }));
    expect(result.zPrime).toBeCloseTo(0.5, 12);
    expect(result.quality).toBe('excellent');
    expect(unwrap(zPrime({ positive: [60, 100, 140], negative: [0, 10, 20] })).quality).toBe('unusable');
    expect(unwrap(zPrime({ positive: [80, 100, 120], negative: [0, 10, 20] })).quality).toBe('marginal');
    expect(failure(zPrime({ positive: [1], negative: [0, 1] })).code).toBe('too_few_points');
    expect(failure(zPrime({ positive: [1, 3], negative: [2, 2] })).code).toBe('undefined_result');
  });

  it('growth rate by least squares on log2 N', () => {
    const points = [0, 1, 2, 3].map((day) => ({ day, count: 1000 * 2 ** (0.5 * day) }));
    const fit = unwrap(netGrowthRate(points));
    expect(fit.rate).toBeCloseTo(0.5, 12);
    expect(fit.r2).toBeCloseTo(1, 12);
    expect(failure(netGrowthRate([{ day: 1, count: 10 }])).code).toBe('too_few_points');
    expect(
      failure(
        netGrowthRate([
          { day: 1, count: 10 },
          { day: 1, count: 20 },
        ]),
      ).code,
    ).toBe('too_few_points');
    expect(unwrap(linearRegression([1, 2, 3], [2, 4, 6]))).toMatchObject({ slope: 2, intercept: 0, r2: 1 });
  });

  it('plateau threshold is configurable', () => {
    expect(unwrap(isPlateau(-0.15))).toBe(false);
    expect(unwrap(isPlateau(-0.15, 0.2))).toBe(true);
    expect(failure(isPlateau(0.05, 0)).code).toBe('not_positive');
  });

  it('doubling time is refused for a culture that did not grow', () => {
    expect(unwrap(doublingTime({ n1: 1e5, n2: 2e5, dt: 24 }))).toBeCloseTo(24, 12);
    expect(failure(doublingTime({ n1: 2e5, n2: 1e5, dt: 24 }))).toMatchObject({
      code: 'undefined_result',
      message: 'The count did not increase (200000 → 100000), so there is no doubling time.',
    });
    const intervals = unwrap(
      intervalDoublingTimes([
        { day: 3, count: 50 },
        { day: 0, count: 100 },
        { day: 6, count: 100 },
      ]),
    );
    expect(intervals).toEqual([
      { fromDay: 0, toDay: 3, doublingTime: null },
      { fromDay: 3, toDay: 6, doublingTime: 3 },
    ]);
  });

  it('time to reach a count interpolates log2 N', () => {
    const points = [
      { day: 0, count: 100 },
      { day: 2, count: 400 },
    ];
    expect(unwrap(timeToReach(points, 200))).toBeCloseTo(1, 12);
    expect(unwrap(timeToReach(points, 50))).toBe(0);
    expect(unwrap(timeToReach(points, 1000))).toBeNull();
  });

  it('vessels needed rounds up, without floating-point surprises', () => {
    expect(unwrap(vesselsNeeded({ targetCells: 6e4, seededPerVessel: 1e6, fraction: 0.01 }))).toBe(6);
    expect(unwrap(vesselsNeeded({ targetCells: 6.1e4, seededPerVessel: 1e6, fraction: 0.01 }))).toBe(7);
    expect(failure(vesselsNeeded({ targetCells: 1e4, seededPerVessel: 1e6, fraction: 1.5 })).code).toBe('out_of_range');
  });

  it('tumour volume, RTV, body weight, TGI and endpoint flags', () => {
    expect(unwrap(tumourVolumeMm3({ lengthMm: 7.1, widthMm: 8.2 }))).toBe(206.681); // swapped: L is the longer
    expect(unwrap(relativeTumourVolume({ volume: 413.362, initialVolume: 206.681 }))).toBe(2);
    expect(unwrap(bodyWeightChangePercent({ weight: 24, initialWeight: 20 }))).toBe(20);
    expect(
      unwrap(
        tgiPercent({
          treatedStart: [200, 200],
          treatedEnd: [300, 300],
          controlStart: [190, 210],
          controlEnd: [600, 600],
        }),
      ),
    ).toBe(75);
    expect(failure(tgiPercent({ treatedStart: [1], treatedEnd: [1], controlStart: [5], controlEnd: [4] })).code).toBe(
      'undefined_result',
    );
    expect(unwrap(endpointFlags({ volumeMm3: 1600, bodyWeightChangePercent: -21 }))).toEqual({
      volumeLimit: true,
      weightLoss: true,
    });
    expect(unwrap(endpointFlags({ volumeMm3: 1600, bodyWeightChangePercent: -10 }, { maxVolumeMm3: 2000 }))).toEqual({
      volumeLimit: false,
      weightLoss: false,
    });
  });

  it('dose volume: mg/kg × kg / (mg/mL)', () => {
    expect(unwrap(doseVolumeMl({ doseMgPerKg: 5, bodyWeightG: 25, concentrationMgPerMl: 0.5 }))).toBe(0.25);
    expect(unwrap(multipleOfIc50({ concentration: 15, ic50: 3 }))).toBe(5);
    expect(unwrap(concentrationAtMultiple({ multiple: 10, ic50: 0.3 }))).toBe(3);
  });

  it('transduction: virus volume, the MOI warning and Poisson MOI', () => {
    expect(unwrap(virusVolumeUl({ moi: 0.5, cells: 1e6, titreTuPerMl: 5e7 }))).toEqual({ volumeUl: 10, highMoi: true });
    expect(unwrap(virusVolumeUl({ moi: 3, cells: 1e6, titreTuPerMl: 1e9 }, { warnAboveMoi: 4 })).highMoi).toBe(false);
    expect(unwrap(moiFromPositiveFraction(0))).toBe(0);
    const moi = unwrap(moiFromPositiveFraction(0.3));
    expect(unwrap(positiveFractionFromMoi(moi))).toBeCloseTo(0.3, 14);
    expect(failure(moiFromPositiveFraction(1)).code).toBe('out_of_range');
    expect(failure(moiFromPositiveFraction(9.5)).message).toContain('9.5 % is 0.095');
  });

  it('tolerance classes with inclusive 2-10 band and configurable thresholds', () => {
    expect(unwrap(toleranceClass(1.99))).toBe('reverted');
    expect(unwrap(toleranceClass(2))).toBe('tolerant');
    expect(unwrap(toleranceClass(10))).toBe('tolerant');
    expect(unwrap(toleranceClass(10.01))).toBe('resistant');
    expect(unwrap(toleranceClass(2.5, { tolerantFrom: 3 }))).toBe('reverted');
    expect(unwrap(toleranceClass(6, { resistantAbove: 5 }))).toBe('resistant');
    expect(failure(toleranceClass(3, { tolerantFrom: 10, resistantAbove: 5 })).code).toBe('out_of_range');
    expect(unwrap(foldShift({ ic50Post: 30, ic50Parental: 3 }))).toBe(10);
  });

  it('solvent levels: warn above 0.1 %, block above 0.5 %', () => {
    expect(unwrap(solventLevel(0.1))).toBe('ok');
    expect(unwrap(solventLevel(0.2))).toBe('warn');
    expect(unwrap(solventLevel(0.6))).toBe('block');
    expect(unwrap(solventLevel(0.2, { warnAbove: 0.25 }))).toBe('ok');
  });

  it('serial dilutions', () => {
    expect(unwrap(dilutionSeries({ top: 100, factor: 3, count: 9 }))[8]).toBeCloseTo(100 / 6561, 15);
    expect(unwrap(dilutionSeries({ top: 10, factor: 10, count: 3 }))).toEqual([10, 1, 0.1]);
    expect(failure(dilutionSeries({ top: 10, factor: 1, count: 3 })).code).toBe('out_of_range');
    expect(failure(dilutionSeries({ top: 10, factor: 2, count: 2.5 })).code).toBe('out_of_range');
  });

  it('unit-aware dilutions refuse quantities of the wrong kind and impossible dilutions', () => {
    expect(
      failure(
        stockVolume({
          stock: { value: 10, unit: 'mM' },
          final: { value: 1, unit: 'mg/mL' },
          finalVolume: { value: 10, unit: 'mL' },
        }),
      ),
    ).toMatchObject({ code: 'unit_mismatch' });
    expect(
      failure(
        stockVolume({
          stock: { value: 10, unit: 'µM' },
          final: { value: 1, unit: 'mM' },
          finalVolume: { value: 10, unit: 'mL' },
        }),
      ).message,
    ).toContain('is above the stock');
    expect(
      failure(
        stockVolume({
          stock: { value: 10, unit: 'mg' },
          final: { value: 1, unit: 'mg' },
          finalVolume: { value: 1, unit: 'mL' },
        }),
      ).message,
    ).toBe('Stock concentration (10 mg) is not a concentration.');
    expect(
      unwrap(
        stockVolume({
          stock: { value: 1, unit: 'mg/mL' },
          final: { value: 10, unit: 'µg/mL' },
          finalVolume: { value: 5, unit: 'mL' },
        }),
      ),
    ).toEqual({ value: 50, unit: 'µL' });
    expect(
      unwrap(
        finalConcentration({
          stock: { value: 10, unit: 'mM' },
          stockVolume: { value: 6, unit: 'µL' },
          finalVolume: { value: 10, unit: 'mL' },
          unit: 'nM',
        }),
      ),
    ).toEqual({ value: 6000, unit: 'nM' });
    expect(
      failure(solventPercent({ solventVolume: { value: 2, unit: 'mL' }, totalVolume: { value: 1, unit: 'mL' } })).code,
    ).toBe('out_of_range');
    expect(
      failure(
        stockMolarity({
          mass: { value: 1, unit: 'mg' },
          molarMass: { value: 0, unit: 'g/mol' },
          volume: { value: 1, unit: 'mL' },
        }),
      ),
    ).toMatchObject({ code: 'not_positive', message: 'Molecular weight (g/mol) must be greater than 0; got 0.' });
  });

  it('t quantiles come from a real distribution function, for any degrees of freedom', () => {
    // R: qt(0.975, c(1, 5, 23, 137, 1e6))
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062, 4);
    expect(tQuantile(0.975, 5)).toBeCloseTo(2.5706, 4);
    expect(tQuantile(0.975, 23)).toBeCloseTo(2.0687, 4);
    expect(tQuantile(0.975, 137)).toBeCloseTo(1.9774, 4);
    expect(tQuantile(0.975, 1e6)).toBeCloseTo(1.96, 3);
  });
});

describe('bad inputs never give NaN silently nor an untyped error', () => {
  const BAD: unknown[] = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, 0, undefined, null, '12'];

  // Each case: a calculation taking one object of numbers, and a valid input.
  const cases: [string, (input: never) => CalcResult<unknown>, Record<string, unknown>][] = [
    ['stockMolarityMm', stockMolarityMm, { massMg: 1, mwGPerMol: 300.05, volumeMl: 1 }],
    ['massForStockMg', massForStockMg, { targetMm: 10, mwGPerMol: 300, volumeMl: 1 }],
    ['percentViability', percentViability, { signal: 500, blank: 100, vehicle: 1000 }],
    ['percentOfDay0', percentOfDay0, { count: 5e5, day0Count: 1e6 }],
    ['percentOfVehicle', percentOfVehicle, { count: 5e5, vehicleCount: 1e6 }],
    ['populationDoublings', populationDoublings, { n0: 1e6, nt: 2e6 }],
    ['doublingTime', doublingTime, { n1: 1e5, n2: 2e5, dt: 3 }],
    ['persisterFraction', persisterFraction, { n0: 1e6, nEnd: 1.5e4 }],
    ['vesselsNeeded', vesselsNeeded, { targetCells: 1e5, seededPerVessel: 1e6, fraction: 0.015 }],
    ['grValue', grValue, { treated: 2e4, initial: 1e4, control: 8e4 }],
    ['tumourVolumeMm3', tumourVolumeMm3, { lengthMm: 8.2, widthMm: 7.1 }],
    ['relativeTumourVolume', relativeTumourVolume, { volume: 300, initialVolume: 200 }],
    ['bodyWeightChangePercent', bodyWeightChangePercent, { weight: 21, initialWeight: 22 }],
    ['doseVolumeMl', doseVolumeMl, { doseMgPerKg: 5, bodyWeightG: 25, concentrationMgPerMl: 0.5 }],
    ['concentrationAtMultiple', concentrationAtMultiple, { multiple: 5, ic50: 3 }],
    ['multipleOfIc50', multipleOfIc50, { concentration: 15, ic50: 3 }],
    ['virusVolumeUl', virusVolumeUl, { moi: 0.1, cells: 2e6, titreTuPerMl: 1e8 }],
    ['foldShift', foldShift, { ic50Post: 4.1, ic50Parental: 3 }],
    ['dilutionSeries', dilutionSeries, { top: 100, factor: 3, count: 9 }],
    [
      'endpointFlags',
      endpointFlags as (input: never) => CalcResult<unknown>,
      { volumeMm3: 200, bodyWeightChangePercent: -3 },
    ],
  ];

  function assertNoNaN(value: unknown, path: string): void {
    if (typeof value === 'number') expect(Number.isNaN(value), `${path} is NaN`).toBe(false);
    else if (Array.isArray(value)) value.forEach((v, i) => assertNoNaN(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) assertNoNaN(v, `${path}.${k}`);
    }
  }

  it.each(cases)('%s', (_name, calculate, valid) => {
    expect(calculate(valid as never).ok).toBe(true);
    for (const field of Object.keys(valid)) {
      for (const bad of BAD) {
        let result: CalcResult<unknown> | undefined;
        expect(() => {
          result = calculate({ ...valid, [field]: bad } as never);
        }).not.toThrow();
        if (!result) throw new Error('no result');
        if (result.ok) {
          assertNoNaN(result.value, `${field}=${String(bad)}`);
        } else {
          expect(result.error.message.length).toBeGreaterThan(10);
          expect(result.error.code).toMatch(/^[a-z_]+$/);
        }
      }
    }
  });

  it('number-list calculations refuse bad entries', () => {
    expect(failure(zPrime({ positive: [1, Number.NaN], negative: [0, 1] })).code).toBe('not_finite');
    expect(
      failure(
        netGrowthRate([
          { day: 0, count: 1e6 },
          { day: 3, count: -5 },
        ]),
      ),
    ).toMatchObject({
      code: 'not_positive',
      message: 'Count of row 2 must be greater than 0; got -5.',
    });
    expect(failure(netGrowthRate(undefined as never)).code).toBe('not_finite');
    expect(failure(tgiPercent({ treatedStart: [], treatedEnd: [1], controlStart: [1], controlEnd: [2] })).code).toBe(
      'too_few_points',
    );
    expect(failure(percentViabilities({ signals: [1], blanks: [], vehicles: [2] })).code).toBe('too_few_points');
    expect(failure(isPlateau(Number.NaN)).code).toBe('not_finite');
    expect(failure(moiFromPositiveFraction(Number.NaN)).code).toBe('not_finite');
    expect(failure(fit4pl([{ dose: 1, response: 1 }])).code).toBe('too_few_points');
    expect(failure(fitGr('x' as never)).code).toBe('not_finite');
    expect(
      failure(
        finalConcentration({
          stock: undefined as never,
          stockVolume: { value: 6, unit: 'µL' },
          finalVolume: { value: 10, unit: 'mL' },
        }),
      ),
    ).toMatchObject({ code: 'not_finite', message: 'Stock concentration is missing.' });
  });

  it('unwrap throws a typed CalcError with the code and field', () => {
    try {
      unwrap(stockMolarityMm({ massMg: 1, mwGPerMol: 0, volumeMl: 1 }));
      throw new Error('unwrap did not throw');
    } catch (e) {
      expect(e).toBeInstanceOf(CalcError);
      expect((e as CalcError).code).toBe('not_positive');
      expect((e as CalcError).field).toBe('molecular weight (g/mol)');
    }
  });
});
