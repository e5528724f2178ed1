import { type FourPlFit, fit4pl as fit4plCalc } from '../calc/fit-4pl';
import { type GrFit, fitGr, grValue } from '../calc/fit-gr';
import { type CalcResult, tidy } from '../calc/result';
import { mean } from '../calc/stats';
import { percentViability as percentViabilityCalc } from '../calc/viability';
import { zPrime as zPrimeCalc } from '../calc/zprime';
import { formatNumber } from '../units/index';
import {
  type Alert,
  type ComputeArgs,
  type ComputedFunction,
  MissingInput,
  failed,
  fromCalc,
  has,
  keyOf,
  list,
  notApplicable,
  numberParam,
  numberResult,
  outcome,
  plainOf,
  quantity,
  quantityOf,
  stringParam,
} from './computed-args';
import { Memo } from './memo';
import { type PlateData, plateDataOf, readingsOf, samplePoints } from './plate-data';
import { isRecord } from './values';

/**
 * Dose-response plates (T3): % viability, the 4PL fit and its parameters,
 * GR metrics when time-0 wells exist, and Z'. Fits are memoised by their
 * points, so re-evaluating the block on each keystroke does not refit.
 */

const FIT_CACHE = new Memo<CalcResult<FourPlFit>>(64);
const GR_CACHE = new Memo<CalcResult<GrFit>>(32);

/** Three significant digits, trailing zeros kept ("3.00", "1.30"): how fitted values are quoted. */
function sig3(x: number): string {
  const magnitude = Math.abs(x);
  if (magnitude >= 1e-3 && magnitude < 1e5) return x.toPrecision(3).replace('-', '\u2212');
  return formatNumber(x, { significantDigits: 3 });
}

/** % viability = 100 × (S − blank) / (vehicle − blank), or the % typed in the row. */
export const percentViability: ComputedFunction = {
  description: '% viability of a signal between the blank (0 %) and the vehicle (100 %), or the % typed.',
  inputs: {
    entered: { label: '% viability', optional: true },
    signal: { label: 'signal', optional: true },
    blank: { label: 'blank signal', optional: true },
    vehicle: { label: 'vehicle signal', optional: true },
  },
  oneOf: [['entered', 'signal']],
  result: { type: 'number', family: 'percent' },
  run(args) {
    if (has(args, 'entered')) return outcome(numberResult(args, quantity(args, 'entered', '%')));
    const signal = plainOf(args.inputs.signal);
    const blank = plainOf(args.inputs.blank);
    const vehicle = plainOf(args.inputs.vehicle);
    if (signal === null) throw new MissingInput('signal');
    if (blank === null) throw new MissingInput('blank');
    if (vehicle === null) throw new MissingInput('vehicle');
    return fromCalc(percentViabilityCalc({ signal, blank, vehicle }), (p) => numberResult(args, p, { fromUnit: '%' }));
  },
};

interface DoseResponse {
  dose: number;
  response: number;
}

function tablePoints(args: ComputeArgs, unit: string): DoseResponse[] {
  const doses = list(args, 'doses');
  const responses = list(args, 'responses');
  const points: DoseResponse[] = [];
  for (let i = 0; i < Math.min(doses.length, responses.length, 5000); i += 1) {
    const dose = quantityOf(doses[i], unit);
    const response = quantityOf(responses[i], '%');
    if (dose !== null && dose > 0 && response !== null) points.push({ dose, response });
  }
  return points;
}

/** % viability of every sample well, with blank and vehicle taken as the means of their wells (no blank: 0). */
function platePoints(plate: PlateData, unit: string): DoseResponse[] {
  const vehicles = readingsOf(plate, 'vehicle');
  if (vehicles.length === 0) return [];
  const blanks = readingsOf(plate, 'blank');
  const blank = blanks.length > 0 ? mean(blanks) : 0;
  const vehicle = mean(vehicles);
  if (vehicle === blank) return [];
  return samplePoints(plate, unit).map((p) => ({
    dose: p.concentration,
    response: tidy((100 * (p.reading - blank)) / (vehicle - blank)),
  }));
}

function distinctDoses(points: readonly DoseResponse[]): number {
  return new Set(points.map((p) => p.dose)).size;
}

function keyOfPoints(points: readonly DoseResponse[]): string {
  return points.map((p) => `${p.dose}:${p.response}`).join(',');
}

/**
 * 4PL fit of % viability against dose (table rows, or the plate map's sample
 * wells when the table has fewer than 4 doses). The result object carries
 * the parameters in the field's unit; flags: ic50_outside_range, low_r2,
 * not_converged, no_absolute_ic50.
 */
export const fit4pl: ComputedFunction = {
  description: '4PL dose-response fit (Bottom, Top, IC50, Hill, R², 95 % CI, absolute IC50).',
  inputs: {
    doses: { label: 'doses', list: true, optional: true },
    responses: { label: 'responses', list: true, optional: true },
    plate: { label: 'plate map', optional: true },
  },
  oneOf: [['doses', 'plate']],
  params: {
    minR2: { type: 'number', default: 0.9, description: 'R² below this is flagged.' },
    absoluteLevel: { type: 'number', default: 50, description: 'Response level of the absolute IC50.' },
    confidenceLevel: { type: 'number', default: 0.95, description: 'Confidence level of the intervals.' },
  },
  result: { type: 'object', family: 'molarConcentration' },
  run(args) {
    const unit = args.unit ?? 'µM';
    let points = tablePoints(args, unit);
    let source: 'table' | 'plate' = 'table';
    if (distinctDoses(points) < 4) {
      const plate = plateDataOf(args.inputs.plate);
      const fromPlate = plate ? platePoints(plate, unit) : [];
      if (distinctDoses(fromPlate) > distinctDoses(points)) {
        points = fromPlate;
        source = 'plate';
      }
    }
    if (points.length === 0) throw new MissingInput('doses');
    if (distinctDoses(points) < 4) return outcome(notApplicable('needs responses at 4 or more different doses'));
    const minR2 = numberParam(args, 'minR2', 0.9);
    const absoluteLevel = numberParam(args, 'absoluteLevel', 50);
    const confidenceLevel = numberParam(args, 'confidenceLevel', 0.95);
    const key = `${minR2}|${absoluteLevel}|${confidenceLevel}|${keyOfPoints(points)}`;
    const result = FIT_CACHE.get(key, () => fit4plCalc(points, { minR2, absoluteLevel, confidenceLevel }));
    if (!result.ok) return outcome(failed(result.error.message));
    const fit = result.value;
    const flags: string[] = [];
    const alerts: Alert[] = [];
    if (fit.flags.notConverged) {
      flags.push('not_converged');
      alerts.push({
        severity: 'warning',
        code: 'fit_not_converged',
        message: 'The 4PL fit did not converge; its IC50 is not reliable.',
      });
    }
    if (fit.flags.lowR2) {
      flags.push('low_r2');
      alerts.push({
        severity: 'warning',
        code: 'fit_low_r2',
        message: `R² of the 4PL fit is ${fit.r2.toFixed(3)}, below ${minR2}: the curve describes the data poorly.`,
      });
    }
    if (fit.flags.ic50OutsideRange) {
      flags.push('ic50_outside_range');
      alerts.push({
        severity: 'warning',
        code: 'ic50_outside_range',
        message: `The IC50 (${sig3(fit.ic50.value)} ${unit}) is outside the tested doses (${sig3(fit.doseRange[0])}–${sig3(fit.doseRange[1])} ${unit}): it is an extrapolation.`,
      });
    }
    if (fit.absIc50 === null) flags.push('no_absolute_ic50');
    const ci = fit.ic50.ci;
    const percent = Math.round(fit.confidenceLevel * 100);
    const display =
      `IC50 ${sig3(fit.ic50.value)} ${unit}` +
      (ci ? ` (${percent} % CI ${sig3(ci[0])}–${sig3(ci[1])})` : '') +
      `, Hill ${sig3(fit.hill.value)}, R² ${fit.r2.toFixed(3)}`;
    const value = {
      ic50: fit.ic50.value,
      ic50Low: ci ? ci[0] : null,
      ic50High: ci ? ci[1] : null,
      ci: ci ? [ci[0], ci[1]] : null,
      hill: fit.hill.value,
      top: fit.top.value,
      bottom: fit.bottom.value,
      r2: fit.r2,
      absIc50: fit.absIc50,
      converged: fit.converged,
      n: fit.n,
      doseLow: fit.doseRange[0],
      doseHigh: fit.doseRange[1],
      unit,
      source,
      flags,
    };
    return outcome(flags.length > 0 ? { ok: true, value, display, flags } : { ok: true, value, display }, alerts);
  },
};

/** Keys of fit results that are concentrations (in the fit's unit). */
export const CONCENTRATION_KEYS: ReadonlySet<string> = new Set([
  'ic50',
  'ic50Low',
  'ic50High',
  'absIc50',
  'doseLow',
  'doseHigh',
  'gr50',
  'gec50',
]);

/** One number of a fit result (`key`: ic50, absIc50, hill, r2, gr50…), as its own field for display and search. */
export const fitValue: ComputedFunction = {
  description: 'One parameter of a fit result (param key: ic50, absIc50, hill, r2, top, bottom, gr50, grInf…).',
  inputs: { fit: { label: 'fit' } },
  params: { key: { type: 'string', description: 'The parameter to show.' } },
  result: { type: 'number', family: 'any' },
  run(args) {
    const fit = args.inputs.fit;
    if (!isRecord(fit)) throw new MissingInput('fit');
    const key = stringParam(args, 'key', '');
    const v = keyOf(fit, key);
    if (v === null) return outcome(notApplicable(`${key} is not defined for this fit`));
    if (typeof v !== 'number' || !Number.isFinite(v)) return outcome(failed(`The fit has no value '${key}'.`));
    if (CONCENTRATION_KEYS.has(key) && typeof fit.unit === 'string') {
      return outcome(numberResult(args, v, { fromUnit: fit.unit }));
    }
    return outcome(numberResult(args, v));
  },
};

/**
 * GR metrics (Hafner et al. 2016) from the plate map: GR value of every
 * sample well from its reading, the time-0 wells (x0) and the vehicle wells
 * (x_ctrl); then the GR curve, GR50, GRmax and GR_AOC.
 */
export const grFit: ComputedFunction = {
  description: 'GR metrics from a plate map with time-0 wells (GR50, GRinf, GRmax, GR_AOC).',
  inputs: { plate: { label: 'plate map' } },
  params: { minR2: { type: 'number', default: 0.9, description: 'R² below this is flagged.' } },
  result: { type: 'object', family: 'molarConcentration' },
  run(args) {
    const unit = args.unit ?? 'µM';
    const plate = plateDataOf(args.inputs.plate);
    if (!plate) throw new MissingInput('plate');
    const time0 = readingsOf(plate, 'time0');
    const vehicles = readingsOf(plate, 'vehicle');
    if (time0.length === 0) return outcome(notApplicable('needs time-0 wells with readings'));
    if (vehicles.length === 0) return outcome(notApplicable('needs vehicle wells with readings'));
    const x0 = mean(time0);
    const control = mean(vehicles);
    const points: { concentration: number; gr: number }[] = [];
    for (const p of samplePoints(plate, unit)) {
      const gr = grValue({ treated: p.reading, initial: x0, control });
      if (!gr.ok) return outcome(failed(gr.error.message));
      points.push({ concentration: p.concentration, gr: gr.value });
    }
    if (new Set(points.map((p) => p.concentration)).size < 4) {
      return outcome(notApplicable('needs sample wells at 4 or more concentrations'));
    }
    const minR2 = numberParam(args, 'minR2', 0.9);
    const key = `${minR2}|${points.map((p) => `${p.concentration}:${p.gr}`).join(',')}`;
    const result = GR_CACHE.get(key, () => fitGr(points, { minR2 }));
    return fromCalc(result, (fit) => {
      const flags: string[] = [];
      if (fit.flags.notConverged) flags.push('not_converged');
      if (fit.flags.lowR2) flags.push('low_r2');
      if (fit.flags.gr50OutsideRange) flags.push('gr50_outside_range');
      if (fit.flags.flatFitPreferred) flags.push('flat_fit_preferred');
      const gr50 = fit.gr50 === null ? 'GR50 not reached' : `GR50 ${sig3(fit.gr50)} ${unit}`;
      const display = `${gr50}, GRinf ${sig3(fit.grInf.value)}, GRmax ${sig3(fit.grMax)}, GR_AOC ${sig3(fit.grAoc)}`;
      const value = {
        gr50: fit.gr50,
        gec50: fit.gec50.value,
        grInf: fit.grInf.value,
        grMax: fit.grMax,
        grAoc: fit.grAoc,
        hill: fit.hill.value,
        r2: fit.r2,
        converged: fit.converged,
        unit,
      };
      return flags.length > 0 ? { ok: true, value, display, flags } : { ok: true, value, display };
    });
  },
};

/** Z' = 1 − 3 (sd_pos + sd_neg) / |mean_pos − mean_neg|: kill-control wells against vehicle wells. */
export const zPrime: ComputedFunction = {
  description: "Z' of the plate from kill-control (positive) and vehicle (negative) wells.",
  inputs: {
    plate: { label: 'plate map', optional: true },
    positive: { label: 'positive-control readings', optional: true, list: true },
    negative: { label: 'negative-control readings', optional: true, list: true },
  },
  oneOf: [['plate', 'positive']],
  params: { minimum: { type: 'number', default: 0.5, description: "Z' below this is flagged." } },
  result: { type: 'number', family: 'none' },
  run(args) {
    let positive = list(args, 'positive')
      .map(plainOf)
      .filter((x): x is number => x !== null);
    let negative = list(args, 'negative')
      .map(plainOf)
      .filter((x): x is number => x !== null);
    const plate = plateDataOf(args.inputs.plate);
    if (positive.length === 0 && plate) {
      positive = readingsOf(plate, 'kill');
      negative = readingsOf(plate, 'vehicle');
    }
    if (positive.length < 2 || negative.length < 2) {
      return outcome(notApplicable('needs 2 or more kill-control and vehicle wells with readings'));
    }
    const minimum = numberParam(args, 'minimum', 0.5);
    const result = zPrimeCalc({ positive, negative });
    if (!result.ok) return outcome(failed(result.error.message));
    const { zPrime: z, quality } = result.value;
    const value = numberResult(args, z);
    const shown = value.ok ? { ...value, display: `${z.toFixed(2)} (${quality})` } : value;
    const alerts: Alert[] =
      z < minimum
        ? [
            {
              severity: 'warning',
              code: 'low_z_prime',
              message: `Z′ is ${z.toFixed(2)}, below ${minimum}: the assay window is ${quality}.`,
            },
          ]
        : [];
    return outcome(shown, alerts);
  },
};
