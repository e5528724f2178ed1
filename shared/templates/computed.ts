import type { ComputedFunction } from './computed-args';
import {
  doublingTime,
  netGrowthRate,
  percentOfDay0,
  percentOfVehicle,
  persisterFraction,
  plateau,
  populationDoublings,
  timeToRegrowth,
  vesselsNeeded,
} from './computed-growth';
import {
  bodyWeightChange,
  doseVolume,
  endpoint,
  enrolmentWindow,
  relativeTumourVolume,
  tgi,
  tumourVolume,
} from './computed-invivo';
import { fit4pl, fitValue, grFit, percentViability, zPrime } from './computed-plate';
import { daysSince, rrid } from './computed-records';
import { c1v1, cellDensity, concAtMultiple, finalSolventPercent, stockMolarity } from './computed-solutions';
import { foldShift, toleranceClass } from './computed-tolerance';
import { cellsPerBarcode, moiActual, virusVolume } from './computed-transduction';

export type {
  Alert,
  ComputeArgs,
  ComputeOutcome,
  ComputedFunction,
  InputSpec,
  ParamSpec,
  ParamValue,
  ResultSpec,
} from './computed-args';

/**
 * The registry of named pure functions that computed fields call
 * (`{ type: 'computed', fn: 'stockMolarity', inputs: {…} }`). A template can
 * only name a function listed here, so nothing in a template is executed.
 * Each function declares its inputs and parameters (checked by
 * validateTemplate) and delegates its formula to shared/calc.
 */
export const COMPUTED_FUNCTIONS: Readonly<Record<string, ComputedFunction>> = Object.freeze({
  // Model records (T1)
  rrid,
  daysSince,
  // Stocks, dilutions and treatments (T2, T4)
  stockMolarity,
  c1v1,
  finalSolventPercent,
  concAtMultiple,
  cellDensity,
  // Growth (T4, T5)
  percentOfDay0,
  percentOfVehicle,
  populationDoublings,
  netGrowthRate,
  persisterFraction,
  plateau,
  vesselsNeeded,
  doublingTime,
  timeToRegrowth,
  // Re-challenge (T5)
  foldShift,
  toleranceClass,
  // Dose-response plates (T3)
  percentViability,
  fit4pl,
  fitValue,
  grFit,
  zPrime,
  // In vivo (T6)
  tumourVolume,
  relativeTumourVolume,
  bodyWeightChange,
  endpoint,
  tgi,
  doseVolume,
  enrolmentWindow,
  // Barcoding (T7)
  virusVolume,
  moiActual,
  cellsPerBarcode,
});

/** The function of a computed field, or undefined for a name that is not registered. */
export function computedFunction(name: string): ComputedFunction | undefined {
  return Object.prototype.hasOwnProperty.call(COMPUTED_FUNCTIONS, name) ? COMPUTED_FUNCTIONS[name] : undefined;
}

export const COMPUTED_FUNCTION_NAMES: readonly string[] = Object.keys(COMPUTED_FUNCTIONS);
