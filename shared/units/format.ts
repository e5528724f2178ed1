import { type Quantity } from './quantity';

export interface FormatOptions {
  /** Significant digits (default 4); trailing zeros are dropped: 15 µM, 3.333 mM. */
  readonly significantDigits?: number;
  /** Plain ASCII for CSV and file names: 1.5e6, uM, mm3 (default false: 1.5 × 10⁶, µM, mm³). */
  readonly ascii?: boolean;
}

const SUPERSCRIPT_DIGITS = [
  '\u2070',
  '\u00b9',
  '\u00b2',
  '\u00b3',
  '\u2074',
  '\u2075',
  '\u2076',
  '\u2077',
  '\u2078',
  '\u2079',
];

function superscript(n: number): string {
  const digits = String(Math.abs(n))
    .split('')
    .map((d) => SUPERSCRIPT_DIGITS[Number(d)] ?? d)
    .join('');
  return n < 0 ? `\u207b${digits}` : digits;
}

/**
 * A number for display with `significantDigits` significant digits (default 4)
 * and no trailing zeros. Values from 0.001 up to 100000 are written plainly
 * (206.7, 0.0998, 12350); others in scientific form (1.5 × 10⁶, or 1.5e6 with
 * `ascii`). Non-finite values are written as an en dash.
 */
export function formatNumber(value: number, options: FormatOptions = {}): string {
  if (!Number.isFinite(value)) return '\u2013';
  const digits = Math.min(15, Math.max(1, Math.round(options.significantDigits ?? 4)));
  if (value === 0) return '0';
  const rounded = Number(value.toPrecision(digits));
  const magnitude = Math.abs(rounded);
  const minus = options.ascii ? '-' : '\u2212';
  if (magnitude >= 1e-3 && magnitude < 1e5) {
    const text = String(rounded);
    return rounded < 0 ? `${minus}${text.slice(1)}` : text;
  }
  const [mantissaText = '', exponentText = '0'] = rounded.toExponential(digits - 1).split('e');
  const mantissa = String(Number(mantissaText));
  const exponent = Number(exponentText);
  if (options.ascii) return `${mantissa}e${exponent}`;
  const signed = mantissa.startsWith('-') ? `${minus}${mantissa.slice(1)}` : mantissa;
  return `${signed} \u00d7 10${superscript(exponent)}`;
}

/** A unit spelling for display: mm3 → mm³, cm2 → cm²; with `ascii`, µ → u. */
export function formatUnit(unit: string, options: FormatOptions = {}): string {
  if (options.ascii) return unit.replace(/\u00b5/g, 'u');
  return unit.replace(/([A-Za-z])3(?![0-9])/g, '$1\u00b3').replace(/([A-Za-z])2(?![0-9])/g, '$1\u00b2');
}

/** A quantity for display: "3.333 mM", "15 µM", "1 × 10⁶ cells/mL", "206.7 mm³", "0.06 %". */
export function formatQuantity(q: Quantity, options: FormatOptions = {}): string {
  return `${formatNumber(q.value, options)} ${formatUnit(q.unit, options)}`;
}
