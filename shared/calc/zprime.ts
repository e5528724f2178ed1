/**
 * Z' factor of an assay plate (Zhang, Chung & Oldenburg 1999; domain guide T3):
 *   Z' = 1 − 3 (sd_pos + sd_neg) / |mean_pos − mean_neg|
 * with sample standard deviations (n − 1). Quality bands from the same paper:
 * Z' ≥ 0.5 excellent, 0 ≤ Z' < 0.5 marginal, Z' < 0 unusable.
 */
import { CalcError, attempt, finiteList, type CalcResult } from './result';
import { mean, sampleSd } from './stats';

export type ZPrimeQuality = 'excellent' | 'marginal' | 'unusable';

export interface ZPrime {
  readonly zPrime: number;
  readonly quality: ZPrimeQuality;
}

/** Z' from positive-control and negative-control wells (two or more of each). */
export function zPrime(input: {
  readonly positive: readonly number[];
  readonly negative: readonly number[];
}): CalcResult<ZPrime> {
  return attempt(() => {
    const pos = finiteList(input.positive, 'positive-control wells', 2);
    const neg = finiteList(input.negative, 'negative-control wells', 2);
    const separation = Math.abs(mean(pos) - mean(neg));
    if (separation === 0) {
      throw new CalcError('undefined_result', "The two controls have the same mean, so Z' is undefined.");
    }
    const z = 1 - (3 * (sampleSd(pos) + sampleSd(neg))) / separation;
    return { zPrime: z, quality: z >= 0.5 ? 'excellent' : z >= 0 ? 'marginal' : 'unusable' };
  });
}
