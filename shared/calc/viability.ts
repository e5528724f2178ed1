/**
 * Normalisations (domain guide, T3 and T4):
 *   % viability   = 100 × (S − blank) / (vehicle − blank)
 *   % of day 0    = 100 × N_t / N_0
 *   % of vehicle  = 100 × N_t / N_vehicle,t
 */
import { CalcError, attempt, finite, finiteList, nonNegative, positive, tidy, type CalcResult } from './result';
import { mean } from './stats';

/**
 * % viability of a signal normalised to the blank (0 %) and the vehicle
 * (100 %). Fails when the vehicle equals the blank.
 */
export function percentViability(input: {
  readonly signal: number;
  readonly blank: number;
  readonly vehicle: number;
}): CalcResult<number> {
  return attempt(() => {
    const s = finite(input.signal, 'signal');
    const blank = finite(input.blank, 'blank');
    const vehicle = finite(input.vehicle, 'vehicle');
    if (vehicle === blank) {
      throw new CalcError(
        'undefined_result',
        'The vehicle signal equals the blank, so % viability is undefined; check the plate map.',
        'vehicle',
      );
    }
    return tidy((100 * (s - blank)) / (vehicle - blank));
  });
}

/** % viability of each signal, with the blank and vehicle taken as the means of their wells. */
export function percentViabilities(input: {
  readonly signals: readonly number[];
  readonly blanks: readonly number[];
  readonly vehicles: readonly number[];
}): CalcResult<number[]> {
  return attempt(() => {
    const signals = finiteList(input.signals, 'signals');
    const blank = mean(finiteList(input.blanks, 'blank wells'));
    const vehicle = mean(finiteList(input.vehicles, 'vehicle wells'));
    return signals.map((signal) => {
      const r = percentViability({ signal, blank, vehicle });
      if (!r.ok) throw new CalcError(r.error.code, r.error.message, r.error.field);
      return r.value;
    });
  });
}

/** % of day 0: 100 × N_t / N_0. */
export function percentOfDay0(input: { readonly count: number; readonly day0Count: number }): CalcResult<number> {
  return attempt(() => {
    const n = nonNegative(input.count, 'count');
    const n0 = positive(input.day0Count, 'day-0 count');
    return tidy((100 * n) / n0);
  });
}

/** % of vehicle: 100 × N_t / N_vehicle,t (counts on the same day). */
export function percentOfVehicle(input: { readonly count: number; readonly vehicleCount: number }): CalcResult<number> {
  return attempt(() => {
    const n = nonNegative(input.count, 'count');
    const v = positive(input.vehicleCount, 'vehicle count');
    return tidy((100 * n) / v);
  });
}
