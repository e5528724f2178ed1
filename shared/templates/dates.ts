/**
 * ISO dates as stored in blocks ("2026-11-26") and date-times
 * ("2026-11-26T14:02" with optional seconds, milliseconds and zone). Parsed
 * by hand so that "2026-02-30" is refused (Date would roll it to March).
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (days[m - 1] ?? 0);
}

export function isIsoDate(x: unknown): x is string {
  if (typeof x !== 'string') return false;
  const m = DATE.exec(x);
  return m !== null && validDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isIsoDateTime(x: unknown): x is string {
  if (typeof x !== 'string') return false;
  const m = DATETIME.exec(x);
  if (!m || !validDay(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  return Number(m[4]) <= 23 && Number(m[5]) <= 59 && Number(m[6] ?? 0) <= 59;
}

/** Days from `from` to `to` (both ISO dates; a date-time's date part is used), or null. */
export function daysBetween(from: string, to: string): number | null {
  const a = DATE.exec(from.slice(0, 10));
  const b = DATE.exec(to.slice(0, 10));
  if (!a || !b) return null;
  const ta = Date.UTC(Number(a[1]), Number(a[2]) - 1, Number(a[3]));
  const tb = Date.UTC(Number(b[1]), Number(b[2]) - 1, Number(b[3]));
  return Math.round((tb - ta) / 86_400_000);
}

/** The ISO date `days` after `date` (negative for before). */
export function addDays(date: string, days: number): string {
  const m = DATE.exec(date.slice(0, 10));
  if (!m) return date;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
