// Every number of the illustrative demo experiment in the domain guide
// (shared/guide/domain.md), reproduced by the calculations.
import { describe, expect, it } from 'vitest';
import {
  type CountPoint,
  bodyWeightChangePercent,
  concentrationAtMultiple,
  doublingTime,
  finalConcentration,
  fit4pl,
  foldShift,
  fourPl,
  intervalDoublingTimes,
  isPlateau,
  moiFromPositiveFraction,
  netGrowthRate,
  percentOfDay0,
  percentOfVehicle,
  persisterFraction,
  populationDoublings,
  solventLevel,
  solventPercent,
  stockMolarity,
  stockMolarityMm,
  stockVolume,
  timeToReach,
  toleranceClass,
  tumourVolumeMm3,
  unwrap,
  vesselsNeeded,
  virusVolumeUl,
} from '../../shared/calc/index';
import { formatQuantity, parseQuantity, toCanonical } from '../../shared/units/index';

const q = (text: string) => {
  const r = parseQuantity(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const DAYS = [0, 3, 6, 9, 12];
const VEHICLE = [1.0e6, 2.0e6, 3.9e6, 7.6e6, 1.45e7];
const TREATED = [1.0e6, 3.2e5, 6.1e4, 1.8e4, 1.5e4];
const rows = (counts: number[]): CountPoint[] => DAYS.map((day, i) => ({ day, count: counts[i] as number }));

describe('drug stocks and dilutions', () => {
  it('cisplatin 1.000 mg/mL (MW 300.05) = 3.333 mM', () => {
    const mM = unwrap(stockMolarityMm({ massMg: 1.0, mwGPerMol: 300.05, volumeMl: 1 }));
    expect(mM.toFixed(3)).toBe('3.333');
    const withUnits = unwrap(stockMolarity({ mass: q('1.000 mg'), molarMass: q('300.05 g/mol'), volume: q('1 mL') }));
    expect(withUnits.unit).toBe('mM');
    expect(formatQuantity(withUnits)).toBe('3.333 mM');
    // Typed as 1000 µg in 1000 µL, the same stock.
    expect(unwrap(stockMolarity({ mass: q('1000 ug'), molarMass: q('300.05 g/mol'), volume: q('1000 uL') }))).toEqual(
      withUnits,
    );
  });

  it('induction at 5 × IC50: cisplatin 5 × 3.0 µM = 15 µM, etoposide 5 × 1.2 µM = 6 µM', () => {
    expect(unwrap(concentrationAtMultiple({ multiple: 5, ic50: 3.0 }))).toBe(15);
    expect(unwrap(concentrationAtMultiple({ multiple: 5, ic50: 1.2 }))).toBe(6);
  });

  it('15 µM in 10 mL from 3.333 mM needs 45 µL; 45 µL of 3.333 mM in 10 mL ≈ 15 µM', () => {
    const v1 = unwrap(stockVolume({ stock: q('3.333 mM'), final: q('15 µM'), finalVolume: q('10 mL') }));
    expect(v1.unit).toBe('µL');
    expect(v1.value).toBeCloseTo(45, 1); // 45.0045 µL
    expect(formatQuantity(v1, { significantDigits: 2 })).toBe('45 µL');
    const c2 = unwrap(finalConcentration({ stock: q('3.333 mM'), stockVolume: q('45 µL'), finalVolume: q('10 mL') }));
    expect(c2.unit).toBe('µM');
    expect(c2.value).toBeCloseTo(15, 2); // 14.9985 µM
  });

  it('etoposide: 6 µL of 10 mM into 10 mL = 6 µM, DMSO 0.06 % (below the 0.1 % warning)', () => {
    expect(unwrap(finalConcentration({ stock: q('10 mM'), stockVolume: q('6 µL'), finalVolume: q('10 mL') }))).toEqual({
      value: 6,
      unit: 'µM',
    });
    expect(unwrap(stockVolume({ stock: q('10 mM'), final: q('6 µM'), finalVolume: q('10 mL') }))).toEqual({
      value: 6,
      unit: 'µL',
    });
    const dmso = unwrap(solventPercent({ solventVolume: q('6 µL'), totalVolume: q('10 mL') }));
    expect(dmso).toBe(0.06);
    expect(unwrap(solventLevel(dmso))).toBe('ok');
    // The 10 mM intermediate from the 50 mM DMSO stock: 20 µL in 100 µL.
    expect(unwrap(stockVolume({ stock: q('50 mM'), final: q('10 mM'), finalVolume: q('100 µL') }))).toEqual({
      value: 20,
      unit: 'µL',
    });
  });

  it('indexes the induction concentrations in canonical µM', () => {
    expect(toCanonical(q('0.015 mM'))).toEqual({ value: 15, unit: 'µM' });
    expect(toCanonical(q('6000 nM'))).toEqual({ value: 6, unit: 'µM' });
  });
});

describe('IC50s of the demo', () => {
  it('cisplatin 72-h IC50 3.0 µM with Hill 1.3 (Check B data)', () => {
    const doses = Array.from({ length: 9 }, (_, k) => 100 / 3 ** k);
    const fit = unwrap(
      fit4pl(doses.map((dose) => ({ dose, response: fourPl(dose, { bottom: 5, top: 100, ic50: 3, hill: 1.3 }) }))),
    );
    expect(fit.ic50.value).toBeCloseTo(3.0, 4);
    expect(fit.hill.value).toBeCloseTo(1.3, 4);
  });
});

describe('timepoint table (T4)', () => {
  it('% of day 0, % of vehicle and population doublings per row', () => {
    const pctDay0 = TREATED.map((count) => unwrap(percentOfDay0({ count, day0Count: 1e6 })));
    expect(pctDay0).toEqual([100, 32, 6.1, 1.8, 1.5]);
    expect(unwrap(percentOfVehicle({ count: 1.5e4, vehicleCount: 1.45e7 }))).toBeCloseTo(0.1034, 4);
    expect(unwrap(populationDoublings({ n0: 1e6, nt: 1.45e7 }))).toBeCloseTo(3.858, 3); // vehicle, day 12
    expect(unwrap(populationDoublings({ n0: 1e6, nt: 1.5e4 }))).toBeCloseTo(-6.059, 3); // treated, day 12
  });

  it('persister fraction 1.5 %', () => {
    expect(unwrap(persisterFraction({ n0: 1e6, nEnd: 1.5e4 }))).toBe(0.015);
  });

  it('day 9-12 rate about −0.088 doublings/day: a plateau', () => {
    const rate = unwrap(netGrowthRate(rows(TREATED).slice(3))).rate;
    expect(rate).toBeCloseTo(-0.0877, 4);
    expect(rate.toFixed(3)).toBe('-0.088');
    expect(unwrap(isPlateau(rate))).toBe(true);
  });

  it('no plateau while the drug is killing (days 0-3) or in the growing vehicle', () => {
    const early = unwrap(netGrowthRate(rows(TREATED).slice(0, 2))).rate;
    expect(early).toBeCloseTo(Math.log2(0.32) / 3, 12);
    expect(unwrap(isPlateau(early))).toBe(false);
    const vehicle = unwrap(netGrowthRate(rows(VEHICLE)));
    expect(vehicle.rate).toBeCloseTo(0.3214, 4); // least-squares slope of log2 N on days 0-12
    expect(vehicle.r2).toBeGreaterThan(0.999);
    expect(unwrap(isPlateau(vehicle.rate))).toBe(false);
  });

  it('vessels to seed for a scRNA-seq harvest (> 3,500 cells) and for 1e5 cells', () => {
    expect(unwrap(vesselsNeeded({ targetCells: 3500, seededPerVessel: 1e6, fraction: 0.015 }))).toBe(1);
    expect(unwrap(vesselsNeeded({ targetCells: 1e5, seededPerVessel: 1e6, fraction: 0.015 }))).toBe(7);
    expect(unwrap(vesselsNeeded({ targetCells: 3e4, seededPerVessel: 1e6, fraction: 0.015 }))).toBe(2); // exactly 2
  });
});

describe('drug holiday and re-challenge (T5)', () => {
  const HOLIDAY: CountPoint[] = [
    { day: 12, count: 1.5e4 },
    { day: 15, count: 1.6e4 },
    { day: 19, count: 2.4e4 },
    { day: 23, count: 6.0e4 },
    { day: 26, count: 1.3e5 },
    { day: 30, count: 3.6e5 },
    { day: 33, count: 8.1e5 },
  ];

  it('doubling time of each interval, DT = dt·ln2/ln(N2/N1)', () => {
    const times = unwrap(intervalDoublingTimes(HOLIDAY)).map((t) => t.doublingTime);
    const expected = [32.2202, 6.83805, 3.02588, 2.68943, 2.72204, 2.56427];
    times.forEach((t, i) => expect(t as number).toBeCloseTo(expected[i] as number, 4));
    expect(unwrap(doublingTime({ n1: 1.6e4, n2: 2.4e4, dt: 4 }))).toBeCloseTo((4 * Math.LN2) / Math.log(1.5), 12);
    // Regrowth from day 15: about 0.325 doublings/day, a doubling time of about 3.1 days.
    expect(1 / unwrap(netGrowthRate(HOLIDAY.slice(1))).rate).toBeCloseTo(3.0763, 4);
  });

  it('has not regrown to N_0 (1e6) by day 33; crossed 1e5 on day 25.0', () => {
    expect(unwrap(timeToReach(HOLIDAY, 1e6))).toBeNull();
    expect(unwrap(timeToReach(HOLIDAY, 1e5)) as number).toBeCloseTo(24.982, 3);
  });

  it('re-challenge IC50 4.1 µM: fold shift 1.37, reverted', () => {
    const fold = unwrap(foldShift({ ic50Post: 4.1, ic50Parental: 3.0 }));
    expect(fold.toFixed(2)).toBe('1.37');
    expect(unwrap(toleranceClass(fold))).toBe('reverted');
  });
});

describe('lineage barcoding (T7)', () => {
  it('9.5 % GFP+ → MOI_actual 0.0998', () => {
    const moi = unwrap(moiFromPositiveFraction(0.095));
    expect(moi.toFixed(4)).toBe('0.0998');
  });

  it('2e6 cells at MOI 0.1 with a 1e8 TU/mL titre need 2 µL of virus', () => {
    expect(unwrap(virusVolumeUl({ moi: 0.1, cells: 2e6, titreTuPerMl: 1e8 }))).toEqual({ volumeUl: 2, highMoi: false });
  });
});

describe('in vivo (T6)', () => {
  it('caliper 8.2 × 7.1 mm → 206.7 mm³, inside the 150-250 mm³ enrolment window', () => {
    const volume = unwrap(tumourVolumeMm3({ lengthMm: 8.2, widthMm: 7.1 }));
    expect(volume).toBe(206.681);
    expect(formatQuantity({ value: volume, unit: 'mm3' })).toBe('206.7 mm³');
    expect(volume >= 150 && volume <= 250).toBe(true);
  });

  it('body-weight change of a 22.0 g mouse weighing 20.9 g is −5 %', () => {
    expect(unwrap(bodyWeightChangePercent({ weight: 20.9, initialWeight: 22 }))).toBe(-5);
  });
});
