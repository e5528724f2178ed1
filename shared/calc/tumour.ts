/**
 * In vivo tumour measurements (domain guide, T6):
 *   V = L × W² / 2                       (caliper volume, mm3 from mm)
 *   RTV = V_t / V_0                      (relative tumour volume)
 *   % body-weight change = 100 × (BW_t − BW_0) / BW_0
 *   TGI % = 100 × (1 − ΔV_treated / ΔV_control), ΔV = mean V_end − mean V_start
 * Demo: 8.2 × 7.1 mm → 206.7 mm3.
 */
import { CalcError, attempt, finite, finiteList, nonNegative, positive, tidy, type CalcResult } from './result';
import { mean } from './stats';

/**
 * Caliper tumour volume V = L·W²/2 in mm3 from L and W in mm. L is the longer
 * diameter: if the two are given the other way round they are swapped.
 */
export function tumourVolumeMm3(input: { readonly lengthMm: number; readonly widthMm: number }): CalcResult<number> {
  return attempt(() => {
    const a = nonNegative(input.lengthMm, 'length (mm)');
    const b = nonNegative(input.widthMm, 'width (mm)');
    const length = Math.max(a, b);
    const width = Math.min(a, b);
    return tidy((length * width * width) / 2);
  });
}

/** Relative tumour volume V_t / V_0. */
export function relativeTumourVolume(input: {
  readonly volume: number;
  readonly initialVolume: number;
}): CalcResult<number> {
  return attempt(() =>
    tidy(nonNegative(input.volume, 'tumour volume') / positive(input.initialVolume, 'initial tumour volume')),
  );
}

/** % body-weight change 100 × (BW_t − BW_0) / BW_0 (negative for a loss). */
export function bodyWeightChangePercent(input: {
  readonly weight: number;
  readonly initialWeight: number;
}): CalcResult<number> {
  return attempt(() => {
    const w = positive(input.weight, 'body weight');
    const w0 = positive(input.initialWeight, 'initial body weight');
    return tidy((100 * (w - w0)) / w0);
  });
}

/**
 * Tumour growth inhibition TGI % = 100 × (1 − ΔV_treated / ΔV_control), with
 * ΔV the change of the arm's mean volume from start to end. 100 % is stasis,
 * above 100 % regression. Fails when the control arm did not grow.
 */
export function tgiPercent(input: {
  readonly treatedStart: readonly number[];
  readonly treatedEnd: readonly number[];
  readonly controlStart: readonly number[];
  readonly controlEnd: readonly number[];
}): CalcResult<number> {
  return attempt(() => {
    const dTreated =
      mean(finiteList(input.treatedEnd, 'treated volumes at the end')) -
      mean(finiteList(input.treatedStart, 'treated volumes at the start'));
    const dControl =
      mean(finiteList(input.controlEnd, 'control volumes at the end')) -
      mean(finiteList(input.controlStart, 'control volumes at the start'));
    if (!(dControl > 0)) {
      throw new CalcError('undefined_result', 'The control tumours did not grow, so TGI is undefined.', 'controlEnd');
    }
    return tidy(100 * (1 - dTreated / dControl));
  });
}

export interface EndpointFlags {
  /** Tumour volume above the humane-endpoint limit. */
  readonly volumeLimit: boolean;
  /** Body-weight loss beyond the limit. */
  readonly weightLoss: boolean;
}

/**
 * Humane-endpoint flags for one animal (T6). Limits come from the IACUC
 * protocol; the defaults are common ones: 1500 mm3 and 20 % weight loss.
 */
export function endpointFlags(
  input: { readonly volumeMm3: number; readonly bodyWeightChangePercent: number },
  limits: { readonly maxVolumeMm3?: number; readonly maxWeightLossPercent?: number } = {},
): CalcResult<EndpointFlags> {
  return attempt(() => {
    const volume = nonNegative(input.volumeMm3, 'tumour volume (mm3)');
    const change = finite(input.bodyWeightChangePercent, 'body-weight change (%)');
    const maxVolume = positive(limits.maxVolumeMm3 ?? 1500, 'volume limit (mm3)');
    const maxLoss = positive(limits.maxWeightLossPercent ?? 20, 'weight-loss limit (%)');
    return { volumeLimit: volume > maxVolume, weightLoss: change <= -maxLoss };
  });
}
