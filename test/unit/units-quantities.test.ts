import { describe, expect, it } from 'vitest';
import {
  QUANTITY_SCHEMA,
  UNIT_FAMILIES,
  UNIT_FAMILY_IDS,
  UnitError,
  convert,
  familyOf,
  formatNumber,
  formatQuantity,
  parseQuantity,
  parseUnit,
  toCanonical,
  toReadableUnit,
  tryConvert,
  type UnitFamilyId,
  type UnitResult,
} from '../../shared/units/index';

function value<T>(result: UnitResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function issue<T>(result: UnitResult<T>): { code: string; message: string } {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('parsing values typed with their unit', () => {
  it.each([
    ['10 µM', 10, 'µM', 'molarConcentration'],
    ['10 μM', 10, 'µM', 'molarConcentration'], // Greek mu
    ['10uM', 10, 'µM', 'molarConcentration'],
    ['0.01 mM', 0.01, 'mM', 'molarConcentration'],
    ['3.333 mM', 3.333, 'mM', 'molarConcentration'],
    ['50 nM', 50, 'nM', 'molarConcentration'],
    ['1 M', 1, 'M', 'molarConcentration'],
    ['1e6 cells/mL', 1e6, 'cells/mL', 'cellDensity'],
    ['1.5 × 10⁶ cells/mL', 1.5e6, 'cells/mL', 'cellDensity'],
    ['1.5 x 10^6 cells / ml', 1.5e6, 'cells/mL', 'cellDensity'],
    ['2e6 cells', 2e6, 'cells', 'cellCount'],
    ['1.5 d', 1.5, 'd', 'time'],
    ['3 days', 3, 'd', 'time'],
    ['72 h', 72, 'h', 'time'],
    ['72 hours', 72, 'h', 'time'],
    ['1.000 mg/mL', 1, 'mg/mL', 'massConcentration'],
    ['10 ug/ml', 10, 'µg/mL', 'massConcentration'],
    ['45 uL', 45, 'µL', 'volume'],
    ['10 ml', 10, 'mL', 'volume'],
    ['1 milliliter', 1, 'mL', 'volume'],
    ['206.7 mm3', 206.7, 'mm3', 'tumourVolume'],
    ['206.7 mm^3', 206.7, 'mm3', 'tumourVolume'],
    ['206.7 mm³', 206.7, 'mm3', 'tumourVolume'],
    ['8.2 mm', 8.2, 'mm', 'length'],
    ['22.5 g', 22.5, 'g', 'mass'],
    ['300.05 g/mol', 300.05, 'g/mol', 'molarMass'],
    ['5 mg/kg', 5, 'mg/kg', 'dosePerBodyMass'],
    ['1e8 TU/mL', 1e8, 'TU/mL', 'titre'],
    ['0.06 %', 0.06, '%', 'percent'],
    ['-4.5 %', -4.5, '%', 'percent'],
    ['1 x 10^-3 M', 0.001, 'M', 'molarConcentration'],
    ['.5 mM', 0.5, 'mM', 'molarConcentration'],
  ] as const)('reads %s', (text, expectedValue, expectedUnit, expectedFamily) => {
    expect(value(parseQuantity(text))).toEqual({ value: expectedValue, unit: expectedUnit, family: expectedFamily });
  });

  it('tells molar M from milli m and says what a wrong unit is', () => {
    expect(value(parseQuantity('10 mM', 'molarConcentration')).unit).toBe('mM');
    const mm = issue(parseQuantity('10 mm', 'molarConcentration'));
    expect(mm.code).toBe('wrong_family');
    expect(mm.message).toBe("'10 mm' is a length, not a molar concentration; use M, mM, µM or nM (did you mean mM?).");
  });

  it('refuses a value of the wrong kind with a message a scientist understands', () => {
    const kg = issue(parseQuantity('10 kg', 'molarConcentration'));
    expect(kg.code).toBe('wrong_family');
    expect(kg.message).toBe("'10 kg' is a mass, not a molar concentration; use M, mM, µM or nM.");
    expect(issue(parseQuantity('5 mg/mL', 'molarConcentration')).message).toContain('is a mass concentration');
    // A tumour volume typed in mL is still a volume of the same dimension.
    expect(value(parseQuantity('0.2 mL', 'tumourVolume'))).toEqual({ value: 0.2, unit: 'mL', family: 'tumourVolume' });
    expect(issue(parseQuantity('5 %', 'dosePerBodyMass')).code).toBe('wrong_family');
  });

  it('gives clear errors for empty text, missing numbers, missing and unknown units', () => {
    expect(issue(parseQuantity('   ')).code).toBe('empty');
    expect(issue(parseQuantity('abc µM')).code).toBe('not_a_number');
    const missing = issue(parseQuantity('10', 'molarConcentration'));
    expect(missing).toEqual({ code: 'missing_unit', message: "'10' has no unit; use M, mM, µM or nM." });
    const unknown = issue(parseQuantity('10 furlongs', 'length'));
    expect(unknown.code).toBe('unknown_unit');
    expect(unknown.message).toContain("the unit 'furlongs' is not known; use cm, mm or µm");
    expect(issue(parseQuantity('10 m/s')).code).toBe('unknown_unit'); // a unit, but not one the notebook records
    expect(issue(parseQuantity('1e999 mM')).code).toBe('not_finite');
  });

  it('refuses commas, which mean 1.5 in some labs and 1500 in others', () => {
    expect(issue(parseQuantity('0,5 mM')).code).toBe('not_a_number');
    expect(issue(parseQuantity('1,500 cells')).message).toContain('without commas');
  });

  it('reads a unit alone and normalises its spelling', () => {
    expect(value(parseUnit('uM'))).toEqual({ unit: 'µM', family: 'molarConcentration' });
    expect(value(parseUnit('cells / ul'))).toEqual({ unit: 'cells/µL', family: 'cellDensity' });
    expect(value(parseUnit('percent'))).toEqual({ unit: '%', family: 'percent' });
    expect(value(parseUnit('mm3', 'volume'))).toEqual({ unit: 'mm3', family: 'volume' });
    expect(issue(parseUnit('', 'time')).code).toBe('missing_unit');
  });

  it('never accepts a value hidden in the unit text', () => {
    expect(issue(parseQuantity('10 uM 5')).code).toBe('unknown_unit');
    expect(issue(parseQuantity('10 5uM')).code).toBe('unknown_unit');
  });
});

describe('exact conversions', () => {
  it.each([
    [0.07, 'mM', 'µM', 70],
    [1, 'nM', 'M', 1e-9],
    [0.1, 'µM', 'nM', 100],
    [4.1, 'µM', 'nM', 4100],
    [123.456, 'nM', 'µM', 0.123456],
    [3.333, 'mM', 'µM', 3333],
    [0.000001, 'mg', 'ng', 1],
    [0.3, 'mL', 'µL', 300],
    [45, 'µL', 'mL', 0.045],
    [10, 'mg/mL', 'µg/mL', 10000],
    [1, 'µg/mL', 'mg/mL', 0.001],
    [1e6, 'cells/mL', 'cells/µL', 1000],
    [206.681, 'mm3', 'cm3', 0.206681],
    [5, 'mm3', 'mL', 0.005],
    [1.5, 'd', 'h', 36],
    [1, 'd', 'min', 1440],
    [22.5, 'g', 'kg', 0.0225],
    [1e8, 'TU/mL', 'TU/µL', 1e5],
    [0.06, '%', '%', 0.06],
  ] as const)('%s %s = %s %s exactly', (v, from, to, expected) => {
    // toBe, not toBeCloseTo: no 70.00000000000001.
    expect(convert({ value: v, unit: from }, to)).toEqual({ value: expected, unit: to });
  });

  it('is exact where plain floating point is not', () => {
    // Through SI in binary floating point: 0.07 mM = 0.07e-3 M = 70.00000000000001 µM.
    expect((0.07 / 1000) * 1e6).not.toBe(70);
    expect(1.1 * 100).not.toBe(110);
    const molar = convert({ value: 0.07, unit: 'mM' }, 'M');
    expect(molar.value).toBe(0.00007);
    expect(convert(molar, 'µM').value).toBe(70);
    expect(convert({ value: 1.1, unit: 'mL' }, 'µL').value).toBe(1100);
    expect(convert({ value: 1.1, unit: 'cm3' }, 'mm3').value).toBe(1100);
  });

  it('rounds non-decimal factors correctly (1 h = 1/24 d)', () => {
    expect(convert({ value: 1, unit: 'h' }, 'd').value).toBe(1 / 24);
    expect(convert({ value: 36, unit: 'h' }, 'd').value).toBe(1.5);
  });

  it('normalises to the canonical unit of each family for indexing', () => {
    expect(toCanonical({ value: 0.01, unit: 'mM' })).toEqual({ value: 10, unit: 'µM' });
    expect(toCanonical({ value: 15000, unit: 'nM' })).toEqual({ value: 15, unit: 'µM' });
    expect(toCanonical({ value: 1.5, unit: 'd' })).toEqual({ value: 36, unit: 'h' });
    expect(toCanonical({ value: 0.2, unit: 'cm3' })).toEqual({ value: 200, unit: 'mm3' });
    expect(toCanonical({ value: 22.5, unit: 'g' })).toEqual({ value: 22500, unit: 'mg' });
    expect(toCanonical({ value: 1, unit: 'ng/mL' })).toEqual({ value: 0.000001, unit: 'mg/mL' });
    expect(toCanonical({ value: 2, unit: 'cells/µL' })).toEqual({ value: 2000, unit: 'cells/mL' });
    expect(toCanonical({ value: 45, unit: 'µL' })).toEqual({ value: 0.045, unit: 'mL' });
    // A field that declares its family: a tumour volume typed in mL still indexes in mm3.
    expect(toCanonical({ value: 0.2, unit: 'mL' }, 'tumourVolume')).toEqual({ value: 200, unit: 'mm3' });
  });

  it('every family has a canonical unit that is one of its offered units and parses back', () => {
    for (const id of UNIT_FAMILY_IDS) {
      const family = UNIT_FAMILIES[id];
      expect(family.units).toContain(family.canonicalUnit);
      for (const unit of family.units) {
        expect(value(parseUnit(unit, id)).unit).toBe(unit);
        expect(familyOf(unit) === id || (id === 'volume' && unit === 'mm3')).toBe(true);
      }
    }
  });

  it('refuses conversions between kinds with a typed error', () => {
    expect(() => convert({ value: 1, unit: 'mM' }, 'mg')).toThrow(UnitError);
    try {
      convert({ value: 1, unit: 'mM' }, 'mg');
    } catch (e) {
      expect(e).toBeInstanceOf(UnitError);
      expect((e as UnitError).code).toBe('incompatible_units');
      expect((e as UnitError).message).toBe('1 mM is a molar concentration and cannot be converted to mg.');
    }
    expect(tryConvert({ value: 1, unit: '%' }, 'mM')).toMatchObject({
      ok: false,
      error: { code: 'incompatible_units' },
    });
    expect(tryConvert({ value: 1, unit: 'parsecs' }, 'mM')).toMatchObject({
      ok: false,
      error: { code: 'unknown_unit' },
    });
    expect(tryConvert({ value: Number.NaN, unit: 'mM' }, 'µM')).toMatchObject({
      ok: false,
      error: { code: 'not_finite' },
    });
    expect(() => toCanonical({ value: 1, unit: 'mg' }, 'molarConcentration')).toThrow(/is not a molar concentration/);
  });

  it('picks the readable unit of a family', () => {
    expect(toReadableUnit({ value: 0.045, unit: 'mL' })).toEqual({ value: 45, unit: 'µL' });
    expect(toReadableUnit({ value: 3333, unit: 'µM' })).toEqual({ value: 3.333, unit: 'mM' });
    expect(toReadableUnit({ value: 0.5, unit: 'nM' })).toEqual({ value: 0.5, unit: 'nM' });
    expect(toReadableUnit({ value: 0, unit: 'mL' })).toEqual({ value: 0, unit: 'mL' });
  });

  it('validates stored quantities with a schema', () => {
    expect(QUANTITY_SCHEMA.safeParse({ value: 15, unit: 'µM' }).success).toBe(true);
    expect(QUANTITY_SCHEMA.safeParse({ value: Number.NaN, unit: 'µM' }).success).toBe(false);
    expect(QUANTITY_SCHEMA.safeParse({ value: 15, unit: '' }).success).toBe(false);
  });

  it('round-trips every offered unit through parse, convert and format', () => {
    for (const id of UNIT_FAMILY_IDS) {
      const family = UNIT_FAMILIES[id as UnitFamilyId];
      for (const unit of family.units) {
        const typed = `2.5 ${unit}`;
        const parsed = value(parseQuantity(typed, id));
        const canonical = toCanonical(parsed, id);
        expect(convert(canonical, unit).value).toBe(2.5);
        expect(value(parseQuantity(formatQuantity(parsed), id)).value).toBe(2.5);
      }
    }
  });
});

describe('display', () => {
  it('formats with sensible significant digits and the µ sign', () => {
    expect(formatQuantity({ value: 3.33277787035494, unit: 'mM' })).toBe('3.333 mM');
    expect(formatQuantity({ value: 15, unit: 'µM' })).toBe('15 µM');
    expect(formatQuantity({ value: 206.681, unit: 'mm3' })).toBe('206.7 mm³');
    expect(formatQuantity({ value: 1e6, unit: 'cells/mL' })).toBe('1 × 10⁶ cells/mL');
    expect(formatQuantity({ value: 0.06, unit: '%' })).toBe('0.06 %');
    expect(formatQuantity({ value: 4.5e-7, unit: 'M' }, { ascii: true })).toBe('4.5e-7 M');
    expect(formatQuantity({ value: 45, unit: 'µL' }, { ascii: true })).toBe('45 uL');
    expect(formatNumber(0.0998203, { significantDigits: 3 })).toBe('0.0998');
    expect(formatNumber(-0.0877)).toBe('\u22120.0877');
    expect(formatNumber(12345)).toBe('12350');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(Number.NaN)).toBe('\u2013');
  });

  it('reads back what it displays', () => {
    for (const q of [
      { value: 1.5e6, unit: 'cells/mL' },
      { value: 2.5e-8, unit: 'M' },
      { value: 206.7, unit: 'mm3' },
    ]) {
      expect(value(parseQuantity(formatQuantity(q)))).toMatchObject(q);
    }
  });
});
