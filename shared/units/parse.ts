import { readUnit } from './engine';
import { type UnitResult, unitFail, unitOk } from './errors';
import { UNIT_FAMILIES, type UnitFamilyId, familyOfUnit, fitsFamily, unitChoices } from './families';
import { type Quantity } from './quantity';

/** A parsed quantity with the family it belongs to. */
export interface ParsedQuantity extends Quantity {
  readonly family: UnitFamilyId;
}

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '\u2070': '0',
  '\u00b9': '1',
  '\u00b2': '2',
  '\u00b3': '3',
  '\u2074': '4',
  '\u2075': '5',
  '\u2076': '6',
  '\u2077': '7',
  '\u2078': '8',
  '\u2079': '9',
  '\u207b': '-',
  '\u207a': '+',
};

// 1.5, .5, 1e6, 1.5E-3; then optionally "x 10^6", "× 10⁶", "*10^-3".
const NUMBER =
  /^([-+\u2212]?)(\d+(?:\.\d*)?|\.\d+)(?:[eE]([-+\u2212]?\d+))?(?:\s*[x\u00d7*]\s*10\s*(?:\^\s*([-+\u2212]?\d+)|([\u207a\u207b]?[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+)))?/;

function readExponent(caret: string | undefined, superscript: string | undefined): number {
  if (caret !== undefined) return Number(caret.replace('\u2212', '-'));
  if (superscript !== undefined) return Number([...superscript].map((c) => SUPERSCRIPT[c] ?? '').join(''));
  return 0;
}

/** Reads the number at the start of the text; returns it and the rest. */
function readNumber(text: string): { value: number; rest: string } | null {
  const m = NUMBER.exec(text);
  if (!m) return null;
  const sign = m[1] === '-' || m[1] === '\u2212' ? '-' : '';
  const digits = m[2] ?? '';
  const exponent = Number((m[3] ?? '0').replace('\u2212', '-')) + readExponent(m[4], m[5]);
  const value = Number(`${sign}${digits}e${exponent}`);
  return { value: Object.is(value, -0) ? 0 : value, rest: text.slice(m[0].length) };
}

function quoted(text: string): string {
  return `'${text.trim()}'`;
}

/** Suggests an offered unit that differs only in letter case ("mm" → "mM"). */
function caseHint(unitText: string, familyId: UnitFamilyId | undefined): string {
  if (!familyId) return '';
  const typed = unitText
    .trim()
    .replace(/[\u00b5\u03bcu]/g, 'µ')
    .toLowerCase();
  const match = UNIT_FAMILIES[familyId].units.find((u) => u.toLowerCase() === typed && u !== unitText.trim());
  return match ? ` (did you mean ${match}?)` : '';
}

/**
 * Reads a unit on its own (`uM`, `µg/ml`, `cells / mL`, `mm3`, `days`) and
 * returns its normalised spelling. With `family`, a unit of another kind is an
 * error that names the units to use.
 */
export function parseUnit(text: string, family?: UnitFamilyId): UnitResult<{ unit: string; family: UnitFamilyId }> {
  return readUnitFor(text, family, quoted(text));
}

function readUnitFor(
  unitText: string,
  familyId: UnitFamilyId | undefined,
  shown: string,
): UnitResult<{ unit: string; family: UnitFamilyId }> {
  const use = familyId ? `; use ${unitChoices(familyId)}` : '';
  if (unitText.trim() === '') {
    return unitFail('missing_unit', `${shown} has no unit${familyId ? use : '; add one, e.g. µM, mg/mL or cells/mL'}.`);
  }
  const parsed = readUnit(unitText);
  if (!parsed) {
    return unitFail(
      'unknown_unit',
      `${shown}: the unit ${quoted(unitText)} is not known${use || '; units look like µM, mg/mL, cells/mL, mm3 or h'}${caseHint(unitText, familyId)}.`,
    );
  }
  const detected = familyOfUnit(parsed);
  if (familyId === undefined) {
    if (!detected) return unitFail('unknown_unit', `${shown} is not a kind of quantity the notebook records.`);
    return unitOk({ unit: parsed.spelling, family: detected });
  }
  if (!fitsFamily(parsed, familyId)) {
    const wanted = UNIT_FAMILIES[familyId].noun;
    const what = detected ? `is ${UNIT_FAMILIES[detected].noun}, not ${wanted}` : `is not ${wanted}`;
    return unitFail('wrong_family', `${shown} ${what}${use}${caseHint(unitText, familyId)}.`);
  }
  return unitOk({ unit: parsed.spelling, family: familyId });
}

/**
 * Reads a value typed with its unit: `10 µM`, `10uM`, `0.01 mM`, `1e6 cells/mL`,
 * `1.5 × 10⁶ cells/mL`, `1.5 d`, `0.06 %`. Accepts µ or u for micro, mL or ml,
 * mm3, mm^3 or mm³; `M` is molar and `m` is milli, as usual. With `family`, a
 * value of another kind is refused with a message that names the units to use:
 * "'10 kg' is a mass, not a molar concentration; use M, mM, µM or nM."
 */
export function parseQuantity(text: string, family?: UnitFamilyId): UnitResult<ParsedQuantity> {
  const trimmed = text.trim();
  const shown = quoted(trimmed);
  if (trimmed === '') {
    return unitFail('empty', `Enter a value with its unit${family ? `; use ${unitChoices(family)}` : ''}.`);
  }
  const number = readNumber(trimmed);
  if (!number) {
    return unitFail('not_a_number', `${shown} does not start with a number.`);
  }
  if (/^,\d/.test(number.rest)) {
    // 1,500 is 1.5 in some labs and 1500 in others: refuse rather than guess.
    return unitFail('not_a_number', `${shown}: write numbers without commas, with a point for decimals (1500 or 1.5).`);
  }
  if (!Number.isFinite(number.value)) {
    return unitFail('not_finite', `${shown} is too large to record.`);
  }
  const unit = readUnitFor(number.rest, family, shown);
  if (!unit.ok) return unit;
  return unitOk({ value: number.value, unit: unit.value.unit, family: unit.value.family });
}
