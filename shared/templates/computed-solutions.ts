import { tidy } from '../calc/result';
import { concentrationAtMultiple } from '../calc/dosing';
import { solventPercent, stockVolume } from '../calc/dilution';
import { stockMolarity as stockMolarityCalc } from '../calc/stock';
import {
  type ComputedFunction,
  MissingInput,
  fromCalc,
  has,
  list,
  notApplicable,
  numberResult,
  optionalText,
  outcome,
  plain,
  quantity,
  quantityOf,
  storedQuantity,
  stringParam,
  textOf,
} from './computed-args';

/**
 * Computed values of drug stocks and their dilutions (T2, T4): molarity,
 * volumes to pipette, final solvent percentage, treatment concentration at a
 * multiple of IC50, seeding density. Formulas live in shared/calc.
 */

const CONCENTRATIONS = ['molarConcentration', 'massConcentration'] as const;

/** stock_mM = mass_mg / MW / volume_mL × 1000, in the field's unit (mM). */
export const stockMolarity: ComputedFunction = {
  description: 'Stock concentration from the mass weighed, the molecular weight and the solvent volume.',
  inputs: { mass: { label: 'mass' }, mw: { label: 'molecular weight' }, volume: { label: 'volume' } },
  result: { type: 'number', family: 'molarConcentration' },
  run(args) {
    const result = stockMolarityCalc({
      mass: storedQuantity(args, 'mass', ['mass']),
      molarMass: storedQuantity(args, 'mw', ['molarMass']),
      volume: storedQuantity(args, 'volume', ['volume']),
    });
    return fromCalc(result, (q) => numberResult(args, q.value, { fromUnit: q.unit }));
  },
};

/**
 * V1 = C2 × V2 / C1: the volume of stock (or of a working dilution `source`,
 * when given) to add for a final concentration in a final volume.
 */
export const c1v1: ComputedFunction = {
  description: 'Volume of stock to add: V1 = C2 × V2 / C1 (C1 is the working solution when given, else the stock).',
  inputs: {
    stock: { label: 'stock concentration', optional: true },
    source: { label: 'working solution', optional: true },
    final: { label: 'final concentration' },
    volume: { label: 'final volume' },
  },
  oneOf: [['stock', 'source']],
  result: { type: 'number', family: 'volume' },
  run(args) {
    const c1 = has(args, 'source')
      ? storedQuantity(args, 'source', CONCENTRATIONS)
      : storedQuantity(args, 'stock', CONCENTRATIONS);
    const result = stockVolume({
      stock: c1,
      final: storedQuantity(args, 'final', CONCENTRATIONS),
      finalVolume: storedQuantity(args, 'volume', ['volume']),
    });
    return fromCalc(result, (q) => numberResult(args, q.value, { fromUnit: q.unit }));
  },
};

function solventList(args: Parameters<ComputedFunction['run']>[0]): string[] {
  return stringParam(args, 'solvents', 'DMSO,ethanol')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
}

/**
 * Final solvent % = V_solvent / V_total × 100, counting only the solvents
 * that harm cells (param `solvents`, default DMSO and ethanol): saline or
 * water stocks do not count. Either one addition (`volume` of a stock in
 * `solvent`, diluted into `diluent`) or a whole treatment (`volumes` and
 * `solvents`, one per row, summed).
 */
export const finalSolventPercent: ComputedFunction = {
  description: 'Final percentage of an organic solvent (DMSO, ethanol) in the medium.',
  inputs: {
    volume: { label: 'volume added', optional: true },
    solvent: { label: 'stock solvent', optional: true },
    diluent: { label: 'diluent', optional: true },
    volumes: { label: 'volumes added', optional: true, list: true },
    solvents: { label: 'stock solvents', optional: true, list: true },
    total: { label: 'total volume' },
  },
  params: {
    solvents: { type: 'string', default: 'DMSO,ethanol', description: 'Solvents that count, comma-separated.' },
  },
  oneOf: [['volume', 'volumes']],
  result: { type: 'number', family: 'percent' },
  run(args) {
    const organic = solventList(args);
    const total = storedQuantity(args, 'total', ['volume']);
    if (has(args, 'volume')) {
      const solvent = optionalText(args, 'solvent');
      if (solvent === undefined) throw new MissingInput('solvent');
      if (!organic.includes(solvent.toLowerCase())) {
        return outcome(notApplicable(`not counted: the stock is in ${solvent}`));
      }
      const diluent = optionalText(args, 'diluent');
      if (diluent !== undefined && diluent.toLowerCase() === solvent.toLowerCase()) {
        return outcome(notApplicable(`not counted: an intermediate dilution in ${solvent}`));
      }
      const result = solventPercent({ solventVolume: storedQuantity(args, 'volume', ['volume']), totalVolume: total });
      return fromCalc(result, (p) => numberResult(args, p, { fromUnit: '%' }));
    }
    const volumes = list(args, 'volumes');
    const solvents = list(args, 'solvents');
    let ml = 0;
    for (let i = 0; i < Math.min(volumes.length, solvents.length, 1000); i += 1) {
      const solvent = textOf(solvents[i]);
      if (solvent === null || !organic.includes(solvent.toLowerCase())) continue;
      const v = quantityOf(volumes[i], 'mL');
      if (v !== null) ml += v;
    }
    const result = solventPercent({ solventVolume: { value: tidy(ml), unit: 'mL' }, totalVolume: total });
    return fromCalc(result, (p) => numberResult(args, p, { fromUnit: '%' }));
  },
};

/**
 * Treatment concentration at a multiple of IC50: multiple × IC50, with the
 * IC50 taken from the linked IC50 block (`linked`) or, failing that, typed
 * (`ic50`). In the field's unit (µM).
 */
export const concAtMultiple: ComputedFunction = {
  description: 'Concentration at a multiple of the IC50 (linked IC50 entry first, else the typed IC50).',
  inputs: {
    multiple: { label: 'multiple of IC50' },
    linked: { label: 'linked IC50', optional: true },
    ic50: { label: 'IC50', optional: true },
  },
  oneOf: [['linked', 'ic50']],
  result: { type: 'number', family: 'molarConcentration' },
  run(args) {
    const unit = args.unit ?? 'µM';
    const ic50 = has(args, 'linked') ? quantity(args, 'linked', unit) : quantity(args, 'ic50', unit);
    const result = concentrationAtMultiple({ multiple: plain(args, 'multiple'), ic50 });
    return fromCalc(result, (c) => numberResult(args, c));
  },
};

/** Seeding density: cells / volume, in cells/mL. */
export const cellDensity: ComputedFunction = {
  description: 'Cells per volume of medium.',
  inputs: { cells: { label: 'cells' }, volume: { label: 'volume' } },
  result: { type: 'number', family: 'cellDensity' },
  run(args) {
    const cells = quantity(args, 'cells', 'cells');
    const ml = quantity(args, 'volume', 'mL');
    if (!(ml > 0)) return outcome(notApplicable('needs a volume above 0'));
    return outcome(numberResult(args, tidy(cells / ml), { fromUnit: 'cells/mL' }));
  },
};
