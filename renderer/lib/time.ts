import type { IsoTime } from '../../shared/domain/types';

const pad = (n: number) => String(n).padStart(2, '0');

/** "14:05", local time, 24-hour: how a lab book records times. */
export function clockTime(iso: IsoTime): string {
  const d = new Date(iso);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Compact time for lists: "14:05" today, "3 Nov" this year, "3 Nov 2025" before. */
export function shortTime(iso: IsoTime, now: Date = new Date()): string {
  const d = new Date(iso);
  if (d.toDateString() === now.toDateString()) return clockTime(iso);
  const day = `${d.getDate()} ${MONTHS[d.getMonth()]}`;
  return d.getFullYear() === now.getFullYear() ? day : `${day} ${d.getFullYear()}`;
}

/** Full local date and time for tooltips: "2026-11-26 14:05". */
export function fullTime(iso: IsoTime): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${clockTime(iso)}`;
}
