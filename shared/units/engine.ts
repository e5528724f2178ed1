/**
 * The one place that talks to the units library (mathjs). Everything else in
 * shared/units works with unit *spellings*: short normalised strings such as
 * `µM`, `mg/mL`, `cells/mL`, `mm3`, `h`, `%`.
 *
 * Exactness: values are converted with mathjs BigNumber (decimal) arithmetic
 * at 64 significant digits. A JavaScript number is read through its shortest
 * round-trip decimal form (`String(0.07)` is `"0.07"`), which is the decimal
 * the user typed, so `0.07 mM` becomes exactly `70 µM` and SI-prefix and
 * mL/mm3 conversions are exact. Factors that are not powers of ten (1 d = 24 h,
 * 1 min = 1/60 h) are exact in the multiplying direction and correctly rounded
 * in the dividing direction.
 *
 * Import cost: mathjs is imported through `create` with only the unit and
 * BigNumber factories, so a bundler (Vite/Rollup) keeps about 230 kB minified
 * of it. Plain Node loads the whole ESM package (about 0.5 s once per process).
 */
import {
  type FactoryFunctionMap,
  type Unit,
  bignumberDependencies,
  create,
  createUnitDependencies,
  unitDependencies,
} from 'mathjs';

/** The published types mark every factory map as possibly undefined (an index signature). */
function factories(map: FactoryFunctionMap | undefined): FactoryFunctionMap {
  if (!map) throw new Error('mathjs is missing a unit factory'); // a broken install, not user input
  return map;
}

const math = create(
  {
    bignumberDependencies: factories(bignumberDependencies),
    createUnitDependencies: factories(createUnitDependencies),
    unitDependencies: factories(unitDependencies),
  },
  { number: 'BigNumber', precision: 64 },
);

// Units that mathjs does not ship. `M` (molar) takes the SI prefixes, so mM, uM,
// nM and pM follow; cells and TU (transducing units of a virus titre) are new
// base dimensions, so cells/mL can never be confused with a plain 1/mL.
math.createUnit('M', { definition: '1 mol/L', prefixes: 'short' });
math.createUnit('cells', { aliases: ['cell'] });
math.createUnit('TU', {});
math.createUnit('d', { definition: '1 day' });

/** The spelling of percent. Percent is handled here, not by mathjs. */
export const PERCENT = '%';

/** A unit read by the library together with its normalised spelling. */
export interface ParsedUnit {
  /** Normalised spelling, the form stored in records: `µM`, `mL`, `mm3`, `cells/mL`, `%`. */
  readonly spelling: string;
  /** The library's unit, or null for percent. */
  readonly unit: Unit | null;
}

/** Spellings of unit names that people type in several ways. */
const NAME_SPELLING: Readonly<Record<string, string>> = {
  l: 'L',
  L: 'L',
  lt: 'L',
  liter: 'L',
  litre: 'L',
  liters: 'L',
  litres: 'L',
  h: 'h',
  hr: 'h',
  hour: 'h',
  hours: 'h',
  d: 'd',
  day: 'd',
  days: 'd',
  min: 'min',
  mins: 'min',
  minute: 'min',
  minutes: 'min',
  s: 's',
  sec: 's',
  secs: 's',
  second: 's',
  seconds: 's',
  week: 'week',
  weeks: 'week',
  cell: 'cells',
  cells: 'cells',
  g: 'g',
  gram: 'g',
  grams: 'g',
  m: 'm',
  meter: 'm',
  metre: 'm',
  meters: 'm',
  metres: 'm',
};

/** Long prefixes (used by `milliliter`) mapped to the short ones the spellings use. */
const SHORT_PREFIX: Readonly<Record<string, string>> = {
  '': '',
  milli: 'm',
  micro: 'u',
  nano: 'n',
  pico: 'p',
  femto: 'f',
  centi: 'c',
  deci: 'd',
  kilo: 'k',
  mega: 'M',
};

const MICRO = '\u00b5'; // MICRO SIGN, the one spelling stored

function prefixName(prefix: unknown): string {
  // The published types say string; at run time it is a { name, value } object.
  if (typeof prefix === 'string') return prefix;
  if (prefix && typeof prefix === 'object' && 'name' in prefix) return String((prefix as { name: unknown }).name);
  return '';
}

/** Turns typed unit text into text mathjs parses (µ → u, mm3 → mm^3, "per" → /). */
function toLibraryText(text: string): string {
  return text
    .trim()
    .replace(/[\u00b5\u03bc]/g, 'u')
    .replace(/\u00b3/g, '^3')
    .replace(/\u00b2/g, '^2')
    .replace(/\s+per\s+/gi, '/')
    .replace(/[\u00b7\u22c5]/g, ' ')
    .replace(/([A-Za-z])([23])(?![0-9])/g, '$1^$2')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ');
}

/** Builds the normalised spelling from the library's reading of a unit. */
function spellingOf(unit: Unit): string {
  const numerator: string[] = [];
  const denominator: { base: string; power: number }[] = [];
  for (const component of unit.units) {
    const rawName = component.unit.name;
    const rawPrefix = prefixName(component.prefix);
    let name = rawName;
    let prefix = rawPrefix;
    const renamed = NAME_SPELLING[rawName];
    const shortPrefix = SHORT_PREFIX[rawPrefix] ?? (rawPrefix.length <= 2 ? rawPrefix : undefined);
    if (renamed !== undefined && shortPrefix !== undefined) {
      name = renamed;
      prefix = shortPrefix;
    }
    if (prefix === 'u') prefix = MICRO;
    const power = Math.abs(component.power);
    if (component.power > 0) numerator.push(`${prefix}${name}${power === 1 ? '' : String(power)}`);
    else denominator.push({ base: `${prefix}${name}`, power });
  }
  if (numerator.length === 0) return denominator.map((d) => `${d.base}^-${d.power}`).join('\u00b7');
  const top = numerator.join('\u00b7');
  const bottom = denominator.map((d) => `${d.base}${d.power === 1 ? '' : String(d.power)}`);
  return bottom.length ? `${top}/${bottom.join('/')}` : top;
}

const cache = new Map<string, ParsedUnit | null>();

/**
 * Reads unit text (`uM`, `µM`, `ug/ml`, `mm3`, `cells / mL`, `hours`, `%`).
 * Returns null when the library does not know the unit.
 */
export function readUnit(text: string): ParsedUnit | null {
  const key = text.trim();
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let parsed: ParsedUnit | null = null;
  if (key === '%' || /^(percent|pct)$/i.test(key)) {
    parsed = { spelling: PERCENT, unit: null };
  } else if (key !== '' && /^[A-Za-z\u00b5\u03bc0-9^/ *.\u00b7\u22c5\u00b2\u00b3()-]+$/.test(key)) {
    try {
      const unit = math.unit(toLibraryText(key));
      // A value inside the text ("uM 5", "10uM") is not a unit.
      if (unit.value === null && unit.units.length > 0) {
        const spelling = spellingOf(unit);
        parsed = { spelling, unit: spelling === key ? unit : math.unit(toLibraryText(spelling)) };
      }
    } catch {
      parsed = null;
    }
  }
  if (cache.size > 500) cache.clear();
  cache.set(key, parsed);
  if (parsed) cache.set(parsed.spelling, parsed);
  return parsed;
}

/** True when two units measure the same kind of thing (same dimensions). */
export function sameDimension(a: ParsedUnit, b: ParsedUnit): boolean {
  if (a.unit === null || b.unit === null) return a.unit === b.unit;
  return a.unit.equalBase(b.unit);
}

/** True when every part of the unit is a mass (mg/kg). */
export function isMassRatio(p: ParsedUnit): boolean {
  return p.unit !== null && p.unit.units.length > 1 && p.unit.units.every((c) => c.unit.base.key === 'MASS');
}

/** True when the unit is a length cubed (mm3, cm3), the way tumour volumes are written. */
export function isCubedLength(p: ParsedUnit): boolean {
  const only = p.unit?.units.length === 1 ? p.unit.units[0] : undefined;
  return only !== undefined && only.power === 3 && only.unit.base.key === 'LENGTH';
}

/**
 * Converts a value between two units of the same dimension with decimal
 * arithmetic (see the file comment). The caller checks the dimensions.
 */
export function convertValue(value: number, from: ParsedUnit, to: ParsedUnit): number {
  if (from.unit === null || to.unit === null) return value; // % to %
  if (from.spelling === to.spelling) return value;
  const converted = math
    .unit(math.bignumber(String(value)), toLibraryText(from.spelling))
    .to(to.unit)
    .toNumeric();
  return typeof converted === 'number' ? converted : Number(converted.toString());
}
