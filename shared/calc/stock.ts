/**
 * Drug stock molarity (domain guide, T2 "Drug / reagent stock"):
 *   stock_mM = mass_mg / MW / volume_mL × 1000
 * (mg / (g/mol) = mmol; mmol / mL = M; × 1000 = mM). Demo: cisplatin 1.000 mg
 * in 1 mL, MW 300.05 g/mol → 3.333 mM.
 */
import { type Quantity, toReadableUnit } from '../units/index';
import { valueIn } from './quantities';
import { CalcError, attempt, positive, tidy, type CalcResult } from './result';

export interface StockInput {
  /** Mass of drug weighed, mg. */
  readonly massMg: number;
  /** Molecular weight, g/mol. */
  readonly mwGPerMol: number;
  /** Volume of solvent, mL. */
  readonly volumeMl: number;
}

/** Stock concentration in mM from mass (mg), MW (g/mol) and volume (mL). */
export function stockMolarityMm(input: StockInput): CalcResult<number> {
  return attempt(() => {
    const mass = positive(input.massMg, 'mass (mg)');
    const mw = positive(input.mwGPerMol, 'molecular weight (g/mol)');
    const volume = positive(input.volumeMl, 'volume (mL)');
    return tidy((mass / mw / volume) * 1000);
  });
}

/** Mass (mg) to weigh for a stock of `targetMm` mM in `volumeMl` mL: mass = mM × MW × mL / 1000. */
export function massForStockMg(input: {
  readonly targetMm: number;
  readonly mwGPerMol: number;
  readonly volumeMl: number;
}): CalcResult<number> {
  return attempt(() => {
    const target = positive(input.targetMm, 'target concentration (mM)');
    const mw = positive(input.mwGPerMol, 'molecular weight (g/mol)');
    const volume = positive(input.volumeMl, 'volume (mL)');
    return tidy((target * mw * volume) / 1000);
  });
}

/**
 * {@link stockMolarityMm} with units: mass (any mass unit), molecular weight
 * (g/mol) and volume (any volume unit); the result is in the most readable
 * molar unit (3.333 mM, not 3333 µM).
 */
export function stockMolarity(input: {
  readonly mass: Quantity;
  readonly molarMass: Quantity;
  readonly volume: Quantity;
}): CalcResult<Quantity> {
  return attempt(() => {
    const mm = stockMolarityMm({
      massMg: valueIn(input.mass, 'mg', 'mass'),
      mwGPerMol: valueIn(input.molarMass, 'g/mol', 'molecular weight'),
      volumeMl: valueIn(input.volume, 'mL', 'volume'),
    });
    if (!mm.ok) throw new CalcError(mm.error.code, mm.error.message, mm.error.field);
    return toReadableUnit({ value: mm.value, unit: 'mM' }, 'molarConcentration');
  });
}
