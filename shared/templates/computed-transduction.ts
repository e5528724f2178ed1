import { tidy } from '../calc/result';
import { moiFromPositiveFraction, virusVolumeUl } from '../calc/transduction';
import {
  type ComputedFunction,
  MissingInput,
  fractionOf,
  fromCalc,
  notApplicable,
  numberResult,
  outcome,
  plain,
  quantity,
} from './computed-args';

/** Lentiviral barcode transduction (T7): virus volume, actual MOI, barcode representation. */

/** virus_µL = MOI × cells / titre (TU/mL) × 1000. */
export const virusVolume: ComputedFunction = {
  description: 'Volume of virus for a target MOI: MOI × cells / titre.',
  inputs: { moi: { label: 'target MOI' }, cells: { label: 'cells' }, titre: { label: 'titre' } },
  result: { type: 'number', family: 'volume' },
  run(args) {
    const result = virusVolumeUl({
      moi: plain(args, 'moi'),
      cells: quantity(args, 'cells', 'cells'),
      titreTuPerMl: quantity(args, 'titre', 'TU/mL'),
    });
    return fromCalc(result, (v) => numberResult(args, v.volumeUl, { fromUnit: 'µL' }));
  },
};

/** MOI_actual = −ln(1 − f), f the marker-positive fraction (Poisson). */
export const moiActual: ComputedFunction = {
  description: 'Actual MOI from the marker-positive fraction: −ln(1 − f).',
  inputs: { fraction: { label: 'marker-positive fraction' } },
  result: { type: 'number', family: 'none' },
  run(args) {
    const f = fractionOf(args.inputs.fraction);
    if (f === null) throw new MissingInput('fraction');
    return fromCalc(moiFromPositiveFraction(f), (moi) => numberResult(args, moi));
  },
};

/**
 * Cells per barcode: transduced cells (cells × f) over the library's
 * complexity. Well below 1 means most barcodes mark a single clone.
 */
export const cellsPerBarcode: ComputedFunction = {
  description: 'Transduced cells (cells × marker-positive fraction) per barcode of the library.',
  inputs: {
    cells: { label: 'cells' },
    fraction: { label: 'marker-positive fraction' },
    complexity: { label: 'library complexity' },
  },
  result: { type: 'number', family: 'none' },
  run(args) {
    const f = fractionOf(args.inputs.fraction);
    if (f === null) throw new MissingInput('fraction');
    const complexity = plain(args, 'complexity');
    if (!(complexity > 0)) return outcome(notApplicable('needs a library complexity above 0'));
    if (f < 0 || f > 1)
      return outcome({ ok: false, message: `The marker-positive fraction must be 0–100 %; got ${f * 100} %.` });
    const cells = quantity(args, 'cells', 'cells');
    return outcome(numberResult(args, tidy((cells * f) / complexity), { suffix: 'cells per barcode' }));
  },
};
