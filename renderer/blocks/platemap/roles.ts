import type { WellRole } from '../../../shared/templates/block';

export interface RoleStyle {
  role: WellRole;
  label: string;
  /** Shown in the well, so the map reads without colour too. */
  letter: string;
  /** Keyboard shortcut on the plate. */
  key: string;
  fill: string;
  ink: string;
}

/** Roles in the order the tools and the legend list them. */
export const ROLES: readonly RoleStyle[] = [
  { role: 'sample', label: 'Sample', letter: 'S', key: 's', fill: '#2b6f72', ink: '#ffffff' },
  { role: 'vehicle', label: 'Vehicle', letter: 'V', key: 'v', fill: '#4f74ad', ink: '#ffffff' },
  { role: 'blank', label: 'Blank', letter: 'B', key: 'b', fill: '#cfcfc8', ink: '#1d2125' },
  { role: 'kill', label: 'Kill control', letter: 'K', key: 'k', fill: '#7a5aa6', ink: '#ffffff' },
  { role: 'time0', label: 'Time 0', letter: 'T', key: 't', fill: '#a9803a', ink: '#ffffff' },
  { role: 'empty', label: 'Empty', letter: '', key: 'e', fill: '#ffffff', ink: '#8b9096' },
];

export function roleStyle(role: WellRole): RoleStyle {
  return ROLES.find((r) => r.role === role) ?? (ROLES[ROLES.length - 1] as RoleStyle);
}

/**
 * Sample wells darken with concentration: dose 0 (the top) is the darkest
 * teal, the lowest dose the lightest, so a gradient across the plate reads
 * as a dilution series at a glance.
 */
export function sampleFill(dose: number | undefined, doses: number): { fill: string; ink: string } {
  if (dose === undefined || doses <= 1) return { fill: '#2b6f72', ink: '#ffffff' };
  const t = Math.min(1, Math.max(0, dose / (doses - 1)));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  // From #1f5a5d (top) to #cde6e2 (lowest).
  const fill = `rgb(${mix(0x1f, 0xcd)}, ${mix(0x5a, 0xe6)}, ${mix(0x5d, 0xe2)})`;
  return { fill, ink: t > 0.55 ? '#1d2125' : '#ffffff' };
}
