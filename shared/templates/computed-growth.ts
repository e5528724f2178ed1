import {
  doublingTime as doublingTimeCalc,
  isPlateau,
  netGrowthRate as netGrowthRateCalc,
  persisterFraction as persisterFractionCalc,
  populationDoublings as populationDoublingsCalc,
  timeToReach,
  vesselsNeeded as vesselsNeededCalc,
} from '../calc/growth';
import { tidy } from '../calc/result';
import { percentOfDay0 as percentOfDay0Calc, percentOfVehicle as percentOfVehicleCalc } from '../calc/viability';
import { formatNumber } from '../units/index';
import {
  type ComputeArgs,
  type ComputedFunction,
  MissingInput,
  booleanResult,
  dayCountPairs,
  fractionOf,
  fromCalc,
  has,
  notApplicable,
  numberParam,
  numberResult,
  outcome,
  plain,
  quantity,
  textResult,
} from './computed-args';

/**
 * Growth of treated, vehicle and regrowing cultures (T4 timepoints, T5
 * holiday counts). Counts come from table columns (`days` and `counts`, one
 * per row); rows missing either are left out and the rest sorted by day, so
 * the day-0 reference is the earliest counted day whatever the row order.
 */

const COUNT_INPUTS = {
  days: { label: 'days', list: true },
  counts: { label: 'counts', list: true },
} as const;

/** The earliest counted day's count (N_0). */
function day0Count(args: ComputeArgs): number {
  const pairs = dayCountPairs(args, 'days', 'counts');
  const first = pairs[0];
  if (!first) throw new MissingInput('counts');
  return first.count;
}

/** A percentage in the field's unit (%), or a fraction when the field has no unit. */
function percentResult(args: ComputeArgs, percent: number) {
  return args.unit === '%' ? numberResult(args, percent) : numberResult(args, tidy(percent / 100));
}

/** % of day 0 = 100 × N_t / N_0 for one row. */
export const percentOfDay0: ComputedFunction = {
  description: "This row's count as a percentage of the day-0 count.",
  inputs: { count: { label: 'count' }, ...COUNT_INPUTS },
  result: { type: 'number', family: 'percent' },
  run(args) {
    const result = percentOfDay0Calc({ count: quantity(args, 'count', 'cells'), day0Count: day0Count(args) });
    return fromCalc(result, (p) => percentResult(args, p));
  },
};

/** % of vehicle = 100 × N_t / N_vehicle,t for one row. */
export const percentOfVehicle: ComputedFunction = {
  description: "This row's treated count as a percentage of the vehicle count on the same day.",
  inputs: { count: { label: 'treated count' }, vehicle: { label: 'vehicle count' } },
  result: { type: 'number', family: 'percent' },
  run(args) {
    const result = percentOfVehicleCalc({
      count: quantity(args, 'count', 'cells'),
      vehicleCount: quantity(args, 'vehicle', 'cells'),
    });
    return fromCalc(result, (p) => percentResult(args, p));
  },
};

/** PD = log2(N_t / N_0) for one row. */
export const populationDoublings: ComputedFunction = {
  description: 'Population doublings since day 0: log2(N_t / N_0).',
  inputs: { count: { label: 'count' }, ...COUNT_INPUTS },
  result: { type: 'number', family: 'none' },
  run(args) {
    const result = populationDoublingsCalc({ n0: day0Count(args), nt: quantity(args, 'count', 'cells') });
    return fromCalc(result, (pd) => numberResult(args, pd));
  },
};

/**
 * Net growth rate: least-squares slope of log2 N on day, in doublings/day,
 * over the last `lastPoints` counted days (0: all). The persister plateau is
 * judged on the last interval (days 9-12 in the demo: −0.088/day).
 */
export const netGrowthRate: ComputedFunction = {
  description: 'Slope of log2(count) against day, in doublings per day, over the last counted days.',
  inputs: { ...COUNT_INPUTS },
  params: { lastPoints: { type: 'number', default: 0, description: 'Use only the last n counted days (0: all).' } },
  result: { type: 'number', family: 'none' },
  run(args) {
    const pairs = dayCountPairs(args, 'days', 'counts');
    const last = Math.round(numberParam(args, 'lastPoints', 0));
    const used = last >= 2 ? pairs.slice(-last) : pairs;
    if (new Set(used.map((p) => p.day)).size < 2) return outcome(notApplicable('needs counts on two different days'));
    return fromCalc(netGrowthRateCalc(used), (fit) => numberResult(args, fit.rate, { suffix: 'doublings/day' }));
  },
};

/** Persister fraction N_end / N_0 (last counted day over the earliest), as % when the field's unit is %. */
export const persisterFraction: ComputedFunction = {
  description: 'Surviving fraction: the last count over the day-0 count.',
  inputs: { ...COUNT_INPUTS },
  result: { type: 'number', family: 'percent' },
  run(args) {
    const pairs = dayCountPairs(args, 'days', 'counts');
    const first = pairs[0];
    const last = pairs[pairs.length - 1];
    if (!first || !last || pairs.length < 2) return outcome(notApplicable('needs counts on two days'));
    return fromCalc(persisterFractionCalc({ n0: first.count, nEnd: last.count }), (f) => percentResult(args, f * 100));
  },
};

/** Plateau: |net growth rate| below the threshold (0.1 doublings/day). */
export const plateau: ComputedFunction = {
  description: 'True when the net growth rate is within ± threshold doublings per day (the persister plateau).',
  inputs: { rate: { label: 'net growth rate' } },
  params: { threshold: { type: 'number', default: 0.1, description: 'Doublings per day.' } },
  result: { type: 'boolean' },
  run(args) {
    const rate = plain(args, 'rate');
    const threshold = numberParam(args, 'threshold', 0.1);
    return fromCalc(isPlateau(rate, threshold), (flat) =>
      booleanResult(
        flat,
        flat
          ? `plateau (|rate| < ${formatNumber(threshold)} doublings/day)`
          : `no plateau (|rate| ≥ ${formatNumber(threshold)} doublings/day)`,
      ),
    );
  },
};

/** Vessels to seed: ceil(target cells / (cells seeded per vessel × persister fraction)). */
export const vesselsNeeded: ComputedFunction = {
  description: 'Vessels to seed for a target number of persisters.',
  inputs: {
    target: { label: 'target cells' },
    seeded: { label: 'cells seeded per vessel' },
    fraction: { label: 'persister fraction' },
  },
  result: { type: 'number', family: 'none' },
  run(args) {
    const fraction = fractionOf(args.inputs.fraction);
    if (fraction === null) throw new MissingInput('fraction');
    const result = vesselsNeededCalc({
      targetCells: quantity(args, 'target', 'cells'),
      seededPerVessel: quantity(args, 'seeded', 'cells'),
      fraction,
    });
    return fromCalc(result, (n) => numberResult(args, n, { suffix: n === 1 ? 'vessel' : 'vessels' }));
  },
};

/** DT = dt × ln 2 / ln(N2 / N1) over the last interval between counts, in the field's unit (d). */
export const doublingTime: ComputedFunction = {
  description: 'Doubling time over the last interval between counts: dt × ln 2 / ln(N2 / N1).',
  inputs: { ...COUNT_INPUTS },
  result: { type: 'number', family: 'time' },
  run(args) {
    const pairs = dayCountPairs(args, 'days', 'counts');
    const a = pairs[pairs.length - 2];
    const b = pairs[pairs.length - 1];
    if (!a || !b || b.day === a.day) return outcome(notApplicable('needs counts on two different days'));
    if (b.count <= a.count) return outcome(notApplicable('not growing over the last interval'));
    const result = doublingTimeCalc({ n1: a.count, n2: b.count, dt: b.day - a.day });
    return fromCalc(result, (days) => numberResult(args, days, { fromUnit: 'd' }));
  },
};

/**
 * Time for the culture to regrow to a target count (N_0 of the induction by
 * default), from the first counted day, interpolating log2 N; "not reached"
 * while the counts are still below it.
 */
export const timeToRegrowth: ComputedFunction = {
  description: 'Days from the first count until the culture regrows to the target (N_0).',
  inputs: {
    ...COUNT_INPUTS,
    target: { label: 'target count', optional: true },
    fallback: { label: 'day-0 count of the induction', optional: true },
  },
  oneOf: [['target', 'fallback']],
  result: { type: 'number', family: 'time' },
  run(args) {
    const target = has(args, 'target') ? quantity(args, 'target', 'cells') : quantity(args, 'fallback', 'cells');
    const pairs = dayCountPairs(args, 'days', 'counts');
    const first = pairs[0];
    const last = pairs[pairs.length - 1];
    if (!first || !last) throw new MissingInput('counts');
    return fromCalc(timeToReach(pairs, target), (day) =>
      day === null
        ? textResult('not reached', `not reached by day ${formatNumber(last.day)}`, ['not_reached'])
        : numberResult(args, tidy(day - first.day), { fromUnit: 'd' }),
    );
  },
};
