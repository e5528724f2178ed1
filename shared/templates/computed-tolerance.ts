import { foldShift as foldShiftCalc, toleranceClass as toleranceClassCalc } from '../calc/tolerance';
import { formatNumber } from '../units/index';
import {
  type ComputedFunction,
  fromCalc,
  has,
  numberParam,
  numberResult,
  optionalPlain,
  plain,
  quantity,
  textResult,
} from './computed-args';

/**
 * Re-challenge after a drug holiday (T5): the IC50 fold shift and what it
 * means. Regained sensitivity (< 2×) is reversible tolerance, not resistance.
 */

/** fold shift = IC50_post / IC50_parental; each IC50 from a linked IC50 block first, else typed. */
export const foldShift: ComputedFunction = {
  description: 'IC50 after the holiday over the parental IC50.',
  inputs: {
    post: { label: 'IC50 after the holiday', optional: true },
    postLinked: { label: 'linked re-challenge IC50', optional: true },
    parental: { label: 'parental IC50', optional: true },
    parentalLinked: { label: 'linked parental IC50', optional: true },
  },
  oneOf: [
    ['postLinked', 'post'],
    ['parentalLinked', 'parental'],
  ],
  result: { type: 'number', family: 'none' },
  run(args) {
    const post = has(args, 'postLinked') ? quantity(args, 'postLinked', 'µM') : quantity(args, 'post', 'µM');
    const parental = has(args, 'parentalLinked')
      ? quantity(args, 'parentalLinked', 'µM')
      : quantity(args, 'parental', 'µM');
    return fromCalc(foldShiftCalc({ ic50Post: post, ic50Parental: parental }), (fold) => {
      const value = numberResult(args, fold);
      return value.ok
        ? { ...value, display: `${formatNumber(fold, { significantDigits: args.digits ?? 3 })}×` }
        : value;
    });
  },
};

/** Class of a fold shift: < 2× reverted, 2-10× tolerant, > 10× resistant (thresholds from the block or params). */
export const toleranceClass: ComputedFunction = {
  description: 'reverted, tolerant or resistant, from the fold shift.',
  inputs: {
    fold: { label: 'fold shift' },
    tolerantFrom: { label: 'tolerant threshold', optional: true },
    resistantAbove: { label: 'resistant threshold', optional: true },
  },
  params: {
    tolerantFrom: { type: 'number', default: 2, description: 'Fold shifts below this are reverted.' },
    resistantAbove: { type: 'number', default: 10, description: 'Fold shifts above this are resistant.' },
  },
  result: { type: 'text' },
  run(args) {
    const low = optionalPlain(args, 'tolerantFrom') ?? numberParam(args, 'tolerantFrom', 2);
    const high = optionalPlain(args, 'resistantAbove') ?? numberParam(args, 'resistantAbove', 10);
    const result = toleranceClassCalc(plain(args, 'fold'), { tolerantFrom: low, resistantAbove: high });
    return fromCalc(result, (cls) => {
      const rule =
        cls === 'reverted'
          ? `< ${formatNumber(low)}×`
          : cls === 'resistant'
            ? `> ${formatNumber(high)}×`
            : `${formatNumber(low)}–${formatNumber(high)}×`;
      return textResult(cls, `${cls} (${rule})`);
    });
  },
};
