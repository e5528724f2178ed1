/**
 * Unit families: the kinds of quantity a template field can hold, each with the
 * units offered for it and one canonical unit. Values are stored in the unit
 * the scientist chose; the canonical unit is what the search index stores, so
 * "cisplatin >= 10 µM" finds 0.01 mM too.
 *
 * Canonical units (chosen so that the usual lab values are plain numbers):
 * | family | canonical | why |
 * |---|---|---|
 * | molarConcentration | µM | drug doses and IC50s are quoted in µM |
 * | massConcentration | mg/mL | stock and dosing solutions |
 * | mass | mg | weighed powder; body weights index as mg too |
 * | volume | mL | media and stocks |
 * | tumourVolume | mm3 | caliper volumes; enrolment windows are in mm3 |
 * | length | mm | caliper readings |
 * | time | h | exposures; 1 d converts exactly to 24 h |
 * | cellCount | cells | seeded and harvested cells |
 * | cellDensity | cells/mL | seeding density |
 * | titre | TU/mL | lentivirus titre |
 * | molarMass | g/mol | molecular weight |
 * | dosePerBodyMass | mg/kg | in vivo doses |
 * | percent | % | viability, solvent, STR match |
 */
import { type ParsedUnit, PERCENT, isCubedLength, isMassRatio, readUnit, sameDimension } from './engine';

export const UNIT_FAMILY_IDS = [
  'molarConcentration',
  'massConcentration',
  'mass',
  'volume',
  'tumourVolume',
  'length',
  'time',
  'cellCount',
  'cellDensity',
  'titre',
  'molarMass',
  'dosePerBodyMass',
  'percent',
] as const;

export type UnitFamilyId = (typeof UNIT_FAMILY_IDS)[number];

export interface UnitFamily {
  readonly id: UnitFamilyId;
  /** What a value of this family is, for messages: "a molar concentration". */
  readonly noun: string;
  /** The unit used for indexing and queries. */
  readonly canonicalUnit: string;
  /** The units offered in the editor, largest first. Any unit of the same kind is accepted. */
  readonly units: readonly string[];
}

const family = (id: UnitFamilyId, noun: string, canonicalUnit: string, units: readonly string[]): UnitFamily => ({
  id,
  noun,
  canonicalUnit,
  units,
});

export const UNIT_FAMILIES: Readonly<Record<UnitFamilyId, UnitFamily>> = {
  molarConcentration: family('molarConcentration', 'a molar concentration', 'µM', ['M', 'mM', 'µM', 'nM']),
  massConcentration: family('massConcentration', 'a mass concentration', 'mg/mL', ['mg/mL', 'µg/mL', 'ng/mL']),
  mass: family('mass', 'a mass', 'mg', ['kg', 'g', 'mg', 'µg', 'ng']),
  volume: family('volume', 'a volume', 'mL', ['L', 'mL', 'µL']),
  tumourVolume: family('tumourVolume', 'a tumour volume', 'mm3', ['cm3', 'mm3']),
  length: family('length', 'a length', 'mm', ['cm', 'mm', 'µm']),
  time: family('time', 'a time', 'h', ['d', 'h', 'min']),
  cellCount: family('cellCount', 'a number of cells', 'cells', ['cells']),
  cellDensity: family('cellDensity', 'a cell density', 'cells/mL', ['cells/mL', 'cells/µL']),
  titre: family('titre', 'a virus titre', 'TU/mL', ['TU/mL', 'TU/µL']),
  molarMass: family('molarMass', 'a molecular weight', 'g/mol', ['g/mol']),
  dosePerBodyMass: family('dosePerBodyMass', 'a dose per body weight', 'mg/kg', ['mg/kg', 'µg/kg']),
  percent: family('percent', 'a percentage', '%', ['%']),
};

function canonicalOf(id: UnitFamilyId): ParsedUnit {
  const parsed = readUnit(UNIT_FAMILIES[id].canonicalUnit);
  if (!parsed) throw new Error(`canonical unit of ${id} does not parse`); // a bug in this file
  return parsed;
}

/** True when a unit can hold a value of the family (same dimension, and the family's own rule). */
export function fitsFamily(unit: ParsedUnit, id: UnitFamilyId): boolean {
  if (id === 'percent') return unit.spelling === PERCENT;
  if (unit.unit === null) return false;
  if (id === 'dosePerBodyMass') return isMassRatio(unit);
  return sameDimension(unit, canonicalOf(id));
}

/**
 * The family a unit belongs to when no field says so. Volumes written as a
 * cubed length (mm3, cm3) are tumour volumes; volumes in litres are volumes.
 */
export function familyOfUnit(unit: ParsedUnit): UnitFamilyId | undefined {
  if (unit.spelling === PERCENT) return 'percent';
  if (isMassRatio(unit)) return 'dosePerBodyMass';
  for (const id of UNIT_FAMILY_IDS) {
    if (id === 'percent' || id === 'dosePerBodyMass') continue;
    if (id === 'volume' && isCubedLength(unit)) continue;
    if (fitsFamily(unit, id)) return id;
  }
  return undefined;
}

/** "M, mM, µM or nM": the family's units for a message. */
export function unitChoices(id: UnitFamilyId): string {
  const units = UNIT_FAMILIES[id].units;
  if (units.length === 1) return units[0] ?? '';
  return `${units.slice(0, -1).join(', ')} or ${units[units.length - 1] ?? ''}`;
}
