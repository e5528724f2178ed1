import { doseVolumeMl } from '../calc/dosing';
import {
  bodyWeightChangePercent,
  endpointFlags,
  relativeTumourVolume as relativeTumourVolumeCalc,
  tgiPercent,
  tumourVolumeMm3,
} from '../calc/tumour';
import { formatNumber } from '../units/index';
import {
  type Alert,
  type ComputeArgs,
  type ComputedFunction,
  MissingInput,
  dayOf,
  fromCalc,
  list,
  memoOverLists,
  notApplicable,
  numberParam,
  numberResult,
  optionalPlain,
  outcome,
  quantity,
  quantityOf,
  text,
  textOf,
  textResult,
} from './computed-args';
import { shorten } from './values';

/**
 * In vivo treatment and tumour measurements (T6). Per-animal values (relative
 * tumour volume, body-weight change) compare a caliper row with the same
 * animal's earliest measured row, found through the table's columns.
 */

/** V = L × W² / 2 in mm3 (L the longer diameter). */
export const tumourVolume: ComputedFunction = {
  description: 'Caliper tumour volume L × W² / 2.',
  inputs: { length: { label: 'length' }, width: { label: 'width' } },
  result: { type: 'number', family: 'tumourVolume' },
  run(args) {
    const result = tumourVolumeMm3({
      lengthMm: quantity(args, 'length', 'mm'),
      widthMm: quantity(args, 'width', 'mm'),
    });
    return fromCalc(result, (v) => numberResult(args, v, { fromUnit: 'mm3' }));
  },
};

const ANIMAL_INPUTS = {
  animal: { label: 'animal' },
  day: { label: 'day' },
  animals: { label: 'animals', list: true },
  days: { label: 'days', list: true },
} as const;

/** The value of `column` on the animal's earliest measured day, in `unit`. */
function baselineOf(args: ComputeArgs, column: string, unit: string): number {
  const animal = text(args, 'animal').toLowerCase();
  const animals = list(args, 'animals');
  const days = list(args, 'days');
  const values = list(args, column);
  // Every animal's baseline at once, computed once per table (see memoOverLists).
  const baselines = memoOverLists(`baseline:${unit}`, [values, animals, days], () => {
    const best = new Map<string, { day: number; value: number }>();
    for (let i = 0; i < Math.min(animals.length, days.length, values.length, 10_000); i += 1) {
      const name = textOf(animals[i])?.toLowerCase();
      const day = dayOf(days[i]);
      const value = quantityOf(values[i], unit);
      if (name === undefined || day === null || value === null) continue;
      const known = best.get(name);
      if (!known || day < known.day) best.set(name, { day, value });
    }
    return best;
  });
  const baseline = baselines.get(animal);
  if (!baseline) throw new MissingInput(column);
  return baseline.value;
}

/** RTV = V_t / V_0 for the animal of this row. */
export const relativeTumourVolume: ComputedFunction = {
  description: "Tumour volume relative to the same animal's first measurement.",
  inputs: { ...ANIMAL_INPUTS, volume: { label: 'volume' }, volumes: { label: 'volumes', list: true } },
  result: { type: 'number', family: 'none' },
  run(args) {
    const result = relativeTumourVolumeCalc({
      volume: quantity(args, 'volume', 'mm3'),
      initialVolume: baselineOf(args, 'volumes', 'mm3'),
    });
    return fromCalc(result, (rtv) => numberResult(args, rtv));
  },
};

/** % body-weight change = 100 × (BW_t − BW_0) / BW_0 for the animal of this row. */
export const bodyWeightChange: ComputedFunction = {
  description: "Body-weight change since the same animal's first weighing, in %.",
  inputs: { ...ANIMAL_INPUTS, weight: { label: 'body weight' }, weights: { label: 'body weights', list: true } },
  result: { type: 'number', family: 'percent' },
  run(args) {
    const result = bodyWeightChangePercent({
      weight: quantity(args, 'weight', 'g'),
      initialWeight: baselineOf(args, 'weights', 'g'),
    });
    return fromCalc(result, (p) => numberResult(args, p, { fromUnit: '%' }));
  },
};

/** Humane-endpoint flags of one measurement: volume above the limit, weight loss beyond the limit. */
export const endpoint: ComputedFunction = {
  description: 'Humane endpoints: tumour volume above the limit or body-weight loss beyond the limit.',
  inputs: { volume: { label: 'volume' }, change: { label: 'body-weight change', optional: true } },
  params: {
    maxVolume: { type: 'number', default: 1500, description: 'Tumour volume limit, mm3.' },
    maxWeightLoss: { type: 'number', default: 20, description: 'Body-weight loss limit, %.' },
  },
  result: { type: 'text' },
  run(args) {
    const maxVolume = numberParam(args, 'maxVolume', 1500);
    const maxLoss = numberParam(args, 'maxWeightLoss', 20);
    const volume = quantity(args, 'volume', 'mm3');
    const change = quantityOf(args.inputs.change, '%') ?? 0;
    const result = endpointFlags(
      { volumeMm3: volume, bodyWeightChangePercent: change },
      { maxVolumeMm3: maxVolume, maxWeightLossPercent: maxLoss },
    );
    if (!result.ok) return outcome({ ok: false, message: result.error.message });
    const reached: string[] = [];
    if (result.value.volumeLimit) reached.push(`tumour volume above ${formatNumber(maxVolume)} mm³`);
    if (result.value.weightLoss) reached.push(`body-weight loss of ${formatNumber(maxLoss)} % or more`);
    if (reached.length === 0) return outcome(textResult('none', 'no endpoint reached'));
    const flags = [
      ...(result.value.volumeLimit ? ['volume_limit'] : []),
      ...(result.value.weightLoss ? ['weight_loss'] : []),
    ];
    const message = `Humane endpoint reached: ${reached.join(' and ')}.`;
    return outcome(textResult(flags.join(','), reached.join('; '), flags), [
      { severity: 'warning', code: 'humane_endpoint', message },
    ]);
  },
};

interface ArmSeries {
  name: string;
  byDay: Map<number, number[]>;
}

function armsOf(args: ComputeArgs): Map<string, ArmSeries> {
  const arms = list(args, 'arms');
  const days = list(args, 'days');
  const volumes = list(args, 'volumes');
  const out = new Map<string, ArmSeries>();
  for (let i = 0; i < Math.min(arms.length, days.length, volumes.length, 10_000); i += 1) {
    const arm = textOf(arms[i]);
    const day = dayOf(days[i]);
    const volume = quantityOf(volumes[i], 'mm3');
    if (arm === null || day === null || volume === null) continue;
    const key = arm.toLowerCase();
    const series = out.get(key) ?? { name: arm, byDay: new Map<number, number[]>() };
    series.byDay.set(day, [...(series.byDay.get(day) ?? []), volume]);
    out.set(key, series);
  }
  return out;
}

/**
 * TGI % = 100 × (1 − ΔV_treated / ΔV_control) for each treated arm, from the
 * first measured day to the last day measured in both arms. One treated arm
 * gives a number; several give an object (arm → TGI).
 */
export const tgi: ComputedFunction = {
  description: 'Tumour growth inhibition of each treated arm against the control arm.',
  inputs: {
    arms: { label: 'arms', list: true },
    days: { label: 'days', list: true },
    volumes: { label: 'volumes', list: true },
    control: { label: 'control arm' },
  },
  result: { type: 'number', family: 'percent' },
  run(args) {
    const control = text(args, 'control').toLowerCase();
    const arms = armsOf(args);
    const controlArm = arms.get(control);
    if (!controlArm) return outcome(notApplicable(`needs measurements of the control arm '${shorten(control)}'`));
    const results: { arm: string; tgi: number }[] = [];
    for (const [key, arm] of arms) {
      if (key === control) continue;
      const shared = [...arm.byDay.keys()].filter((d) => controlArm.byDay.has(d)).sort((a, b) => a - b);
      const start = shared[0];
      const end = shared[shared.length - 1];
      if (start === undefined || end === undefined || start === end) continue;
      const r = tgiPercent({
        treatedStart: arm.byDay.get(start) ?? [],
        treatedEnd: arm.byDay.get(end) ?? [],
        controlStart: controlArm.byDay.get(start) ?? [],
        controlEnd: controlArm.byDay.get(end) ?? [],
      });
      if (!r.ok) return outcome({ ok: false, message: r.error.message });
      results.push({ arm: arm.name, tgi: r.value });
    }
    const only = results[0];
    if (!only) return outcome(notApplicable('needs a treated arm measured on two days with the control'));
    if (results.length === 1) {
      const value = numberResult(args, only.tgi, { fromUnit: '%' });
      return outcome(value.ok ? { ...value, display: `${only.arm}: ${value.display}` } : value);
    }
    const value: Record<string, number> = {};
    for (const r of results) value[r.arm] = r.tgi;
    const display = results.map((r) => `${r.arm}: ${formatNumber(r.tgi, { significantDigits: 3 })} %`).join('; ');
    return outcome({ ok: true, value, unit: '%', display });
  },
};

/** dose_mL = mg/kg × BW_kg / (mg/mL): the injection volume for one animal. */
export const doseVolume: ComputedFunction = {
  description: 'Injection volume: dose × body weight / dosing-solution concentration.',
  inputs: { dose: { label: 'dose' }, weight: { label: 'body weight' }, solution: { label: 'dosing solution' } },
  result: { type: 'number', family: 'volume' },
  run(args) {
    const result = doseVolumeMl({
      doseMgPerKg: quantity(args, 'dose', 'mg/kg'),
      bodyWeightG: quantity(args, 'weight', 'g'),
      concentrationMgPerMl: quantity(args, 'solution', 'mg/mL'),
    });
    return fromCalc(result, (ml) => numberResult(args, ml, { fromUnit: 'mL' }));
  },
};

/**
 * Enrolment check: each animal's first tumour volume against the enrolment
 * window (e.g. 150-250 mm3). The value is the number of animals outside it.
 */
export const enrolmentWindow: ComputedFunction = {
  description: 'Animals whose first tumour volume is outside the enrolment window.',
  inputs: {
    animals: { label: 'animals', list: true },
    days: { label: 'days', list: true },
    volumes: { label: 'volumes', list: true },
    min: { label: 'enrolment minimum', optional: true },
    max: { label: 'enrolment maximum', optional: true },
  },
  oneOf: [['min', 'max']],
  result: { type: 'number', family: 'none' },
  run(args) {
    const min = quantityOf(args.inputs.min, 'mm3') ?? optionalPlain(args, 'min') ?? -Infinity;
    const max = quantityOf(args.inputs.max, 'mm3') ?? optionalPlain(args, 'max') ?? Infinity;
    const animals = list(args, 'animals');
    const days = list(args, 'days');
    const volumes = list(args, 'volumes');
    const first = new Map<string, { name: string; day: number; volume: number }>();
    for (let i = 0; i < Math.min(animals.length, days.length, volumes.length, 10_000); i += 1) {
      const name = textOf(animals[i]);
      const day = dayOf(days[i]);
      const volume = quantityOf(volumes[i], 'mm3');
      if (name === null || day === null || volume === null) continue;
      const known = first.get(name.toLowerCase());
      if (!known || day < known.day) first.set(name.toLowerCase(), { name, day, volume });
    }
    if (first.size === 0) throw new MissingInput('volumes');
    const outside = [...first.values()].filter((a) => a.volume < min || a.volume > max).map((a) => a.name);
    const window = `${formatNumber(min)}–${formatNumber(max)} mm³`;
    const display =
      outside.length === 0
        ? `all ${first.size} animals inside ${window}`
        : `${outside.length} of ${first.size} outside ${window}: ${shorten(outside.join(', '), 120)}`;
    const alerts: Alert[] =
      outside.length === 0
        ? []
        : [
            {
              severity: 'warning',
              code: 'enrolment_window',
              message: `Enrolled outside the ${window} window: ${shorten(outside.join(', '), 120)}.`,
            },
          ];
    const value = numberResult(args, outside.length);
    return outcome(value.ok ? { ...value, display } : value, alerts);
  },
};
