import { formatNumber, formatUnit } from '../../../shared/units';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A stored value for reading: "15 µM", "yes", "NCI-H69", the typed text of a
 * value that did not parse. Used for link snapshots and blocks whose template
 * is unavailable; never throws, whatever the value holds.
 */
export function formatValue(value: unknown, depth = 0): string {
  if (value === undefined || value === null || value === '') return '–';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (depth > 2) return '…';
  if (Array.isArray(value)) {
    if (value.every((v) => isObject(v) && typeof v.rowId === 'string')) return `${value.length} rows`;
    return value.map((v) => formatValue(v, depth + 1)).join(', ');
  }
  if (isObject(value)) {
    if (typeof value.value === 'number' && typeof value.unit === 'string') {
      return `${formatNumber(value.value)} ${formatUnit(value.unit)}`;
    }
    if (typeof value.raw === 'string') return value.raw;
    if (typeof value.label === 'string') return value.label;
    if (typeof value.format === 'number' && isObject(value.wells)) {
      return `${value.format}-well plate, ${Object.keys(value.wells).length} wells assigned`;
    }
    if (typeof value.name === 'string') return value.name;
    return '…';
  }
  return String(value);
}
