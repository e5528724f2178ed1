import { type ParsedUnit, convertValue, readUnit } from './engine';
import { UnitError, type UnitResult, unitFail, unitOk } from './errors';
import { UNIT_FAMILIES, type UnitFamilyId, familyOfUnit, fitsFamily } from './families';
import { type Quantity } from './quantity';

function read(unit: string): ParsedUnit {
  const parsed = readUnit(unit);
  if (!parsed) throw new UnitError('unknown_unit', `The unit '${unit}' is not known.`);
  return parsed;
}

function checkValue(q: Quantity): void {
  if (typeof q.value !== 'number' || !Number.isFinite(q.value)) {
    throw new UnitError('not_finite', `${String(q.value)} ${q.unit} is not a number that can be converted.`);
  }
}

/** The family of a stored unit spelling, or undefined when the unit is not known. */
export function familyOf(unit: string): UnitFamilyId | undefined {
  const parsed = readUnit(unit);
  return parsed ? familyOfUnit(parsed) : undefined;
}

/**
 * Converts a quantity to another unit of the same kind, exactly (decimal
 * arithmetic, see engine.ts): `convert({ value: 0.07, unit: 'mM' }, 'µM')` is
 * `{ value: 70, unit: 'µM' }`. Throws {@link UnitError} (`incompatible_units`,
 * `unknown_unit`, `not_finite`) when that is not possible.
 */
export function convert(q: Quantity, toUnit: string): Quantity {
  checkValue(q);
  const from = read(q.unit);
  const to = read(toUnit);
  const fromFamily = familyOfUnit(from);
  const compatible =
    from.unit === null || to.unit === null ? from.spelling === to.spelling : from.unit.equalBase(to.unit);
  if (!compatible) {
    const what = fromFamily ? UNIT_FAMILIES[fromFamily].noun : 'a value';
    throw new UnitError(
      'incompatible_units',
      `${q.value} ${q.unit} is ${what} and cannot be converted to ${to.spelling}.`,
    );
  }
  return { value: convertValue(q.value, from, to), unit: to.spelling };
}

/** {@link convert} as a result instead of a throw. */
export function tryConvert(q: Quantity, toUnit: string): UnitResult<Quantity> {
  try {
    return unitOk(convert(q, toUnit));
  } catch (e) {
    if (e instanceof UnitError) return unitFail(e.code, e.message);
    throw e;
  }
}

/**
 * The quantity in its family's canonical unit (µM, mg/mL, mg, mL, mm3, mm, h,
 * cells, cells/mL, TU/mL, g/mol, mg/kg, %), the form used for indexing and
 * queries. The family comes from the unit unless given; giving it also checks
 * that the quantity is of that kind.
 */
export function toCanonical(q: Quantity, family?: UnitFamilyId): Quantity {
  checkValue(q);
  const parsed = read(q.unit);
  const id = family ?? familyOfUnit(parsed);
  if (!id) throw new UnitError('unknown_unit', `${q.value} ${q.unit} is not a kind of quantity the notebook indexes.`);
  if (!fitsFamily(parsed, id)) {
    throw new UnitError('wrong_family', `${q.value} ${q.unit} is not ${UNIT_FAMILIES[id].noun}.`);
  }
  return convert(q, UNIT_FAMILIES[id].canonicalUnit);
}

/**
 * The quantity in the offered unit of its family that reads best: the largest
 * unit in which the value is at least 1 (0.045 mL → 45 µL, 3332.8 µM →
 * 3.3328 mM). Values of 0 and units outside a family are returned unchanged.
 */
export function toReadableUnit(q: Quantity, family?: UnitFamilyId): Quantity {
  checkValue(q);
  const id = family ?? familyOf(q.unit);
  if (!id || q.value === 0) return q;
  const units = UNIT_FAMILIES[id].units;
  let last: Quantity = q;
  for (const unit of units) {
    const candidate = convert(q, unit);
    last = candidate;
    if (Math.abs(candidate.value) >= 1) return candidate;
  }
  return last;
}
