/**
 * Units: every number is stored with its unit, converted exactly, and indexed
 * in its family's canonical unit. See families.ts for the families and their
 * canonical units, engine.ts for how exactness is achieved.
 */
export { type UnitErrorCode, type UnitIssue, type UnitResult, UnitError } from './errors';
export { UNIT_FAMILIES, UNIT_FAMILY_IDS, type UnitFamily, type UnitFamilyId, unitChoices } from './families';
export { type Quantity, QUANTITY_SCHEMA } from './quantity';
export { type ParsedQuantity, parseQuantity, parseUnit } from './parse';
export { convert, familyOf, toCanonical, toReadableUnit, tryConvert } from './convert';
export { type FormatOptions, formatNumber, formatQuantity, formatUnit } from './format';
