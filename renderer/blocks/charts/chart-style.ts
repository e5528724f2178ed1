import { formatNumber } from '../../../shared/units';

/** Series colours: the app's teal first (treated), then calm, distinguishable hues. */
export const SERIES_COLOURS = ['#2b6f72', '#7a8da3', '#b5832a', '#7a5aa6', '#4f74ad', '#a4221a'];

/** Charts are drawn at a fixed size, so the PDF print gets the same vector picture. */
export const CHART_SIZE = { width: 380, height: 236 } as const;

export const AXIS_STYLE = { fontSize: 11, fill: '#60666d' } as const;
export const GRID_STROKE = '#ecece7';

/** Decades covering [low, high] for a log axis: the domain and one tick per power of ten. */
export function decades(low: number, high: number): { domain: [number, number]; ticks: number[] } {
  const a = Math.floor(Math.log10(low));
  const b = Math.max(a + 1, Math.ceil(Math.log10(high)));
  const ticks = Array.from({ length: b - a + 1 }, (_, i) => 10 ** (a + i));
  return { domain: [10 ** a, 10 ** b], ticks };
}

/** Short axis numbers: 1000, 0.01, 1e5 (ASCII keeps the ticks narrow). */
export function tickNumber(value: number): string {
  return formatNumber(value, { significantDigits: 3, ascii: true });
}
