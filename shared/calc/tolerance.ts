/**
 * Re-challenge after a drug holiday (domain guide, T5):
 *   fold shift = IC50_post / IC50_parental
 *   class: < 2× reverted, 2–10× tolerant, > 10× resistant (thresholds configurable)
 * Demo: 4.1 µM / 3.0 µM = 1.37 → reverted (regained sensitivity: reversible
 * tolerance, not resistance).
 */
import { CalcError, attempt, positive, tidy, type CalcResult } from './result';

export type ToleranceClass = 'reverted' | 'tolerant' | 'resistant';

export interface ToleranceThresholds {
  /** Fold shifts below this are "reverted" (default 2). */
  readonly tolerantFrom?: number;
  /** Fold shifts above this are "resistant" (default 10). */
  readonly resistantAbove?: number;
}

/** IC50 fold shift, IC50 after the holiday / IC50 of the parental cells (same unit). */
export function foldShift(input: { readonly ic50Post: number; readonly ic50Parental: number }): CalcResult<number> {
  return attempt(() =>
    tidy(positive(input.ic50Post, 'IC50 after the holiday') / positive(input.ic50Parental, 'parental IC50')),
  );
}

/** Class of a fold shift: < 2 reverted, 2–10 tolerant (both ends included), > 10 resistant. */
export function toleranceClass(fold: number, thresholds: ToleranceThresholds = {}): CalcResult<ToleranceClass> {
  return attempt(() => {
    const f = positive(fold, 'fold shift');
    const low = positive(thresholds.tolerantFrom ?? 2, 'tolerant threshold');
    const high = positive(thresholds.resistantAbove ?? 10, 'resistant threshold');
    if (high < low) throw new CalcError('out_of_range', 'The resistant threshold is below the tolerant threshold.');
    if (f < low) return 'reverted';
    if (f > high) return 'resistant';
    return 'tolerant';
  });
}
