/**
 * The numbers of the illustrative NCI-H69 experiment (domain guide,
 * "Illustrative demo experiment" and "Dose-response math", Check B). They
 * are constructed for demonstration and tests, not measured. Days are days
 * of the induction (day 0 = the day the drugs went on).
 */

/** Check B: Bottom 5, Top 100, IC50 3.0 µM, Hill 1.3, doses 100/3^k µM (k = 0..8). */
export const CHECK_B_DOSES_UM: readonly number[] = Array.from({ length: 9 }, (_, k) => 100 / 3 ** (8 - k));
/** Exact responses (% viability) of Check B, lowest dose first. */
export const CHECK_B_VIABILITY: readonly number[] = [
  99.9012, 99.5891, 98.3091, 93.3238, 77.2274, 46.0344, 19.6478, 8.978, 5.985,
];

/** Plate readings (luminescence, RLU): blank, vehicle and kill-control wells. */
export const PLATE_BLANK_RLU: readonly number[] = [1150, 1200, 1250];
export const PLATE_VEHICLE_RLU: readonly number[] = [183500, 186500, 185000, 184200, 185800, 185000];
export const PLATE_KILL_RLU: readonly number[] = [1500, 1650, 1800];

/** Timepoints of the induction: day, vehicle N, treated N. */
export const INDUCTION_COUNTS: readonly { day: number; vehicle: number; treated: number; viability: number }[] = [
  { day: 0, vehicle: 1.0e6, treated: 1.0e6, viability: 96 },
  { day: 3, vehicle: 2.0e6, treated: 3.2e5, viability: 61 },
  { day: 6, vehicle: 3.9e6, treated: 6.1e4, viability: 47 },
  { day: 9, vehicle: 7.6e6, treated: 1.8e4, viability: 72 },
  { day: 12, vehicle: 1.45e7, treated: 1.5e4, viability: 88 },
];

/** Drug holiday from day 12: day, viable count. */
export const HOLIDAY_COUNTS: readonly { day: number; count: number }[] = [
  { day: 12, count: 1.5e4 },
  { day: 15, count: 1.6e4 },
  { day: 19, count: 2.4e4 },
  { day: 23, count: 6.0e4 },
  { day: 26, count: 1.3e5 },
  { day: 30, count: 3.6e5 },
  { day: 33, count: 8.1e5 },
];

/** Caliper measurements of the in vivo arm (CDX-DEMO-01, n = 5 per arm): L × W mm, body weight g. */
export const CALIPER: readonly { animal: string; arm: string; day: number; l: number; w: number; bw: number }[] = [
  { animal: 'M01', arm: 'vehicle', day: 0, l: 8.2, w: 7.1, bw: 22.0 },
  { animal: 'M02', arm: 'vehicle', day: 0, l: 7.9, w: 6.8, bw: 21.4 },
  { animal: 'M03', arm: 'vehicle', day: 0, l: 8.5, w: 7.0, bw: 22.6 },
  { animal: 'M04', arm: 'vehicle', day: 0, l: 7.6, w: 7.0, bw: 21.8 },
  { animal: 'M05', arm: 'vehicle', day: 0, l: 8.8, w: 6.9, bw: 22.3 },
  { animal: 'M06', arm: 'cisplatin + etoposide', day: 0, l: 8.0, w: 7.2, bw: 21.9 },
  { animal: 'M07', arm: 'cisplatin + etoposide', day: 0, l: 8.4, w: 6.9, bw: 22.4 },
  { animal: 'M08', arm: 'cisplatin + etoposide', day: 0, l: 7.7, w: 7.1, bw: 21.6 },
  { animal: 'M09', arm: 'cisplatin + etoposide', day: 0, l: 8.6, w: 7.3, bw: 22.8 },
  { animal: 'M10', arm: 'cisplatin + etoposide', day: 0, l: 7.8, w: 6.6, bw: 21.5 },
  { animal: 'M01', arm: 'vehicle', day: 14, l: 13.5, w: 11.2, bw: 23.1 },
  { animal: 'M02', arm: 'vehicle', day: 14, l: 12.9, w: 10.8, bw: 22.2 },
  { animal: 'M03', arm: 'vehicle', day: 14, l: 14.1, w: 11.5, bw: 23.5 },
  { animal: 'M04', arm: 'vehicle', day: 14, l: 12.4, w: 10.9, bw: 22.6 },
  { animal: 'M05', arm: 'vehicle', day: 14, l: 13.8, w: 11.0, bw: 23.0 },
  { animal: 'M06', arm: 'cisplatin + etoposide', day: 14, l: 7.1, w: 6.0, bw: 20.6 },
  { animal: 'M07', arm: 'cisplatin + etoposide', day: 14, l: 7.5, w: 6.2, bw: 21.0 },
  { animal: 'M08', arm: 'cisplatin + etoposide', day: 14, l: 6.8, w: 5.9, bw: 20.1 },
  { animal: 'M09', arm: 'cisplatin + etoposide', day: 14, l: 7.9, w: 6.4, bw: 21.2 },
  { animal: 'M10', arm: 'cisplatin + etoposide', day: 14, l: 6.9, w: 5.7, bw: 19.9 },
];
