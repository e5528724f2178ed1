// evaluateBlock on the built-in templates: required fields, units and ranges,
// identifiers, rules (platinum in DMSO, mycoplasma), computed values and
// where each problem is reported (field, row, column, rule).
import { describe, expect, it } from 'vitest';
import type { BlockValues, LinkValue } from '../../shared/templates/block';
import {
  BARCODE_TRANSDUCTION,
  DRUG_HOLIDAY,
  DRUG_STOCK,
  IC50_PLATE,
  MODEL_RECORD,
  PDX_TREATMENT,
  PERSISTER_INDUCTION,
  SAMPLE_HARVEST,
} from '../../shared/templates/builtin/index';
import type { TemplateDefinition } from '../../shared/templates/definition';
import { evaluateBlock } from '../../shared/templates/evaluate';
import type { BlockEvaluation, ComputedValue, EvaluationEnv } from '../../shared/templates/evaluation';

const env: EvaluationEnv = { today: '2026-11-26', user: 'tester' };
const q = (value: number, unit: string) => ({ value, unit });
const codes = (e: BlockEvaluation) => e.problems.map((p) => p.code);
const value = (c: ComputedValue | undefined) => (c?.ok ? c.value : undefined);

function problem(e: BlockEvaluation, code: string, fieldId?: string | null) {
  return e.problems.find((p) => p.code === code && (fieldId === undefined || p.fieldId === fieldId));
}

/** A minimal valid model record, to vary one field at a time. */
const MODEL: BlockValues = {
  model_id: 'NCI-H69',
  model_type: 'cell-line',
  cellosaurus: 'CVCL_1579',
  passage: 12,
  str_match: q(100, '%'),
  myco_date: '2026-11-01',
  myco_method: 'PCR',
  myco_result: 'negative',
};

/** A minimal valid cisplatin stock. */
const CISPLATIN: BlockValues = {
  drug: 'cisplatin',
  drug_class: 'platinum',
  lot: 'L1',
  mw: q(300.05, 'g/mol'),
  mass: q(1, 'mg'),
  volume: q(1, 'mL'),
  solvent: 'saline',
};

const link = (templateId: string, label: string, snapshot: Record<string, unknown>): LinkValue => ({
  entryId: '01JENTRY00000000000000000' + templateId.length,
  blockId: '01JBLOCK00000000000000000' + label.length,
  label,
  templateId,
  snapshot,
});

describe('required fields and value types', () => {
  it('a complete model record has no problems and computes its RRID and test age', () => {
    const e = evaluateBlock(MODEL_RECORD, MODEL, env);
    expect(e.problems).toEqual([]);
    expect(e.blocking).toBe(false);
    expect(value(e.computed.rrid)).toBe('RRID:CVCL_1579');
    expect(e.computed.days_since_myco).toMatchObject({ ok: true, value: 25, unit: 'd', display: '25 d' });
  });

  it('missing required fields block, each reported on its field', () => {
    const e = evaluateBlock(MODEL_RECORD, {}, env);
    expect(e.blocking).toBe(true);
    const required = e.problems.filter((p) => p.code === 'required').map((p) => p.fieldId);
    expect(required.sort()).toEqual(['model_id', 'myco_date']);
    expect(problem(e, 'required', 'model_id')?.message).toBe('Model ID is required.');
  });

  it('blank text and empty lists count as missing', () => {
    const e = evaluateBlock(MODEL_RECORD, { ...MODEL, model_id: '   ' }, env);
    expect(problem(e, 'required', 'model_id')).toBeDefined();
  });

  it('wrong types block without throwing; unknown field ids are ignored', () => {
    const e = evaluateBlock(
      MODEL_RECORD,
      {
        ...MODEL,
        passage: 'twelve',
        model_type: 42,
        str_match: 'high',
        myco_date: '2026-02-30',
        extra_field: { x: 1 },
      },
      env,
    );
    expect(problem(e, 'not_a_number', 'passage')).toBeDefined();
    expect(problem(e, 'wrong_type', 'model_type')).toBeDefined();
    expect(problem(e, 'not_a_number', 'str_match')).toBeDefined();
    expect(problem(e, 'invalid_date', 'myco_date')).toBeDefined();
    expect(e.problems.some((p) => p.fieldId === 'extra_field')).toBe(false);
  });

  it('integers: a fraction is refused, limits block', () => {
    expect(
      problem(evaluateBlock(MODEL_RECORD, { ...MODEL, passage: 12.5 }, env), 'not_an_integer', 'passage'),
    ).toBeDefined();
    const high = evaluateBlock(MODEL_RECORD, { ...MODEL, passage: 201 }, env);
    expect(problem(high, 'above_max', 'passage')?.severity).toBe('block');
  });

  it('enum values must be options', () => {
    const e = evaluateBlock(MODEL_RECORD, { ...MODEL, histology: 'adenocarcinoma' }, env);
    expect(problem(e, 'not_an_option', 'histology')?.severity).toBe('block');
  });
});

describe('numbers with units', () => {
  it('a raw value that does not parse blocks as not_a_number; a value of the wrong kind as unit_mismatch', () => {
    const raw = evaluateBlock(DRUG_STOCK, { ...CISPLATIN, mw: { raw: '300,05 g/mol' } }, env);
    expect(problem(raw, 'not_a_number', 'mw')?.severity).toBe('block');
    const rawWrongKind = evaluateBlock(DRUG_STOCK, { ...CISPLATIN, mass: { raw: '10 µM' } }, env);
    expect(problem(rawWrongKind, 'unit_mismatch', 'mass')?.message).toMatch(/molar concentration, not a mass/);
    const wrongUnit = evaluateBlock(DRUG_STOCK, { ...CISPLATIN, mass: q(1, 'mL') }, env);
    expect(problem(wrongUnit, 'unit_mismatch', 'mass')?.severity).toBe('block');
    expect(wrongUnit.blocking).toBe(true);
    // The computed molarity then waits for a usable mass instead of inventing one.
    expect(wrongUnit.computed.stock_mm).toMatchObject({ ok: false, missing: true });
  });

  it('a raw value that reads cleanly is used as typed', () => {
    const e = evaluateBlock(DRUG_STOCK, { ...CISPLATIN, mass: { raw: '1000 ug' } }, env);
    expect(e.problems).toEqual([]);
  });

  it('ranges are in the field unit and compared after exact conversion (0.01 mM is 10 µM)', () => {
    // T3 dose column: min 0 µM; T7 target MOI warn > 0.3; T1 STR match warn < 80 %.
    const template: TemplateDefinition = {
      id: 'range-check',
      version: 1,
      name: 'Range check',
      description: 'a concentration that must stay at or below 10 µM and warns above 5 µM',
      category: 'other',
      groups: [
        {
          id: 'g',
          label: 'G',
          fields: [
            {
              id: 'conc',
              type: 'number',
              label: 'Concentration',
              family: 'molarConcentration',
              unit: 'µM',
              max: 10,
              warn: { max: 5 },
            },
          ],
        },
      ],
      rules: [],
    };
    expect(evaluateBlock(template, { conc: q(0.01, 'mM') }, env).problems.map((p) => p.code)).toEqual(['warn_range']);
    expect(evaluateBlock(template, { conc: q(10, 'µM') }, env).blocking).toBe(false);
    const above = evaluateBlock(template, { conc: q(0.010001, 'mM') }, env);
    expect(problem(above, 'above_max')?.message).toBe('Concentration must be at most 10 µM; got 10 µM.');
    expect(above.blocking).toBe(true);
    expect(evaluateBlock(template, { conc: q(4999, 'nM') }, env).problems).toEqual([]);
    expect(evaluateBlock(template, { conc: q(5001, 'nM') }, env).problems.map((p) => p.code)).toEqual(['warn_range']);
  });

  it('STR match below 80 % warns with the guide message', () => {
    const e = evaluateBlock(MODEL_RECORD, { ...MODEL, str_match: q(72, '%') }, env);
    expect(e.blocking).toBe(false);
    expect(problem(e, 'warn_range', 'str_match')?.message).toMatch(/56-79 % needs more testing/);
  });
});

describe('identifiers', () => {
  it('Cellosaurus accessions, InChIKeys, PubChem CIDs and CAS check digits', () => {
    const bad = evaluateBlock(MODEL_RECORD, { ...MODEL, cellosaurus: 'CVCL-1579' }, env);
    expect(problem(bad, 'invalid_identifier', 'cellosaurus')?.message).toMatch(/CVCL_1579/);
    expect(bad.computed.rrid).toMatchObject({ ok: false, missing: true });
    const stock = (extra: BlockValues) => evaluateBlock(DRUG_STOCK, { ...CISPLATIN, ...extra }, env);
    expect(
      stock({ cas: '15663-27-1', inchikey: 'LXZZYRPGZAFOLE-UHFFFAOYSA-L', pubchem_cid: '36462' }).problems,
    ).toEqual([]);
    expect(problem(stock({ cas: '15663-27-2' }), 'invalid_identifier', 'cas')?.message).toMatch(/check digit/);
    expect(problem(stock({ inchikey: 'lxzzyrpgzafole-uhfffaoysa-l' }), 'invalid_identifier', 'inchikey')).toBeDefined();
    expect(problem(stock({ pubchem_cid: '0' }), 'invalid_identifier', 'pubchem_cid')).toBeDefined();
  });

  it('custom patterns and uniqueness through the environment', () => {
    expect(
      problem(
        evaluateBlock(MODEL_RECORD, { ...MODEL, model_id: 'NCI H69 / bad' }, env),
        'invalid_identifier',
        'model_id',
      ),
    ).toBeDefined();
    const taken: EvaluationEnv = {
      ...env,
      isTaken: (t, f, v) => t === 'model-record' && f === 'model_id' && v === 'NCI-H69',
    };
    expect(problem(evaluateBlock(MODEL_RECORD, MODEL, taken), 'duplicate', 'model_id')?.severity).toBe('block');
    expect(evaluateBlock(MODEL_RECORD, { ...MODEL, model_id: 'NCI-H82' }, taken).blocking).toBe(false);
    const broken: EvaluationEnv = {
      ...env,
      isTaken: () => {
        throw new Error('db closed');
      },
    };
    expect(evaluateBlock(MODEL_RECORD, MODEL, broken).blocking).toBe(false);
  });
});

describe('model record rules', () => {
  it('a positive mycoplasma test blocks use', () => {
    const e = evaluateBlock(MODEL_RECORD, { ...MODEL, myco_result: 'positive' }, env);
    expect(e.blocking).toBe(true);
    expect(e.problems).toContainEqual(
      expect.objectContaining({
        code: 'rule',
        ruleId: 'mycoplasma_positive',
        fieldId: 'myco_result',
        severity: 'block',
      }),
    );
  });

  it('a mycoplasma test more than 90 days old warns', () => {
    const e = evaluateBlock(MODEL_RECORD, { ...MODEL, myco_date: '2026-08-01' }, env);
    expect(value(e.computed.days_since_myco)).toBe(117);
    expect(problem(e, 'warn_range', 'days_since_myco')?.message).toMatch(/more than 90 days/);
    expect(e.blocking).toBe(false);
    expect(evaluateBlock(MODEL_RECORD, { ...MODEL, myco_date: '2026-08-28' }, env).problems).toEqual([]); // 90 days
  });
});

describe('platinum drugs and DMSO', () => {
  const dmsoMessage = 'Platinum drugs are inactivated by DMSO: dissolve cisplatin in 0.9 % NaCl.';

  it('T2: cisplatin (by name or by class) in DMSO blocks', () => {
    const e = evaluateBlock(DRUG_STOCK, { ...CISPLATIN, solvent: 'DMSO' }, env);
    expect(e.blocking).toBe(true);
    expect(e.problems).toContainEqual(
      expect.objectContaining({
        code: 'rule',
        ruleId: 'platinum_in_dmso',
        severity: 'block',
        fieldId: 'solvent',
        message: dmsoMessage,
      }),
    );
    for (const drug of ['Carboplatin', 'oxaliplatin']) {
      expect(
        evaluateBlock(DRUG_STOCK, { ...CISPLATIN, drug, drug_class: undefined, solvent: 'DMSO' }, env).blocking,
      ).toBe(true);
    }
    expect(evaluateBlock(DRUG_STOCK, { ...CISPLATIN, drug: 'CDDP', solvent: 'DMSO' }, env).blocking).toBe(true); // by class
    expect(evaluateBlock(DRUG_STOCK, { ...CISPLATIN, solvent: 'saline' }, env).blocking).toBe(false);
    expect(
      evaluateBlock(DRUG_STOCK, { ...CISPLATIN, drug: 'etoposide', drug_class: 'topo-ii', solvent: 'DMSO' }, env)
        .blocking,
    ).toBe(false);
  });

  it('T4: a treatment row with a platinum stock in DMSO blocks on that row only', () => {
    const stock = (drug: string, solvent: string) =>
      link('drug-stock', drug, {
        drug,
        drug_class: drug === 'cisplatin' ? 'platinum' : 'topo-ii',
        solvent,
        stock_mm: q(10, 'mM'),
      });
    const values = (cisplatinSolvent: string): BlockValues => ({
      model: link('model-record', 'NCI-H69', { model_id: 'NCI-H69' }),
      medium_volume: q(10, 'mL'),
      seeded_cells: q(1e6, 'cells'),
      day0_date: '2026-11-01',
      treatments: [
        {
          rowId: 'cis',
          stock: stock('cisplatin', cisplatinSolvent),
          ic50: q(3, 'µM'),
          ic50_entry: link('ic50-plate', 'IC50', { ic50: q(3, 'µM') }),
          multiple: 5,
        },
        { rowId: 'eto', stock: stock('etoposide', 'DMSO'), ic50: q(1.2, 'µM'), multiple: 5 },
      ],
    });
    const fine = evaluateBlock(PERSISTER_INDUCTION, values('saline'), env);
    expect(fine.problems.filter((p) => p.code === 'rule')).toEqual([]);
    const bad = evaluateBlock(PERSISTER_INDUCTION, values('DMSO'), env);
    const rule = bad.problems.filter((p) => p.ruleId === 'platinum_in_dmso');
    expect(rule).toEqual([
      expect.objectContaining({
        severity: 'block',
        fieldId: 'treatments',
        rowId: 'cis',
        columnId: 'stock',
        message: dmsoMessage,
      }),
    ]);
    expect(bad.blocking).toBe(true);
  });
});

describe('final solvent percentage', () => {
  const withDilution = (finalUm: number): BlockValues => ({
    ...CISPLATIN,
    drug: 'etoposide',
    drug_class: 'topo-ii',
    solvent: 'DMSO',
    mw: q(588.56, 'g/mol'),
    mass: q(5.8856, 'mg'),
    volume: q(1, 'mL'), // 10 mM
    dilutions: [{ rowId: 'r1', final_conc: q(finalUm, 'µM'), final_volume: q(10, 'mL'), diluent: 'medium' }],
  });

  it('DMSO 0.06 % is fine, 0.2 % warns, 0.6 % blocks (T2 dilution table)', () => {
    const at = (um: number) => evaluateBlock(DRUG_STOCK, withDilution(um), env);
    const fine = at(6);
    expect(fine.rows.dilutions?.r1?.stock_volume).toMatchObject({ ok: true, value: 6, unit: 'µL', display: '6 µL' });
    expect(fine.rows.dilutions?.r1?.solvent_percent).toMatchObject({ ok: true, value: 0.06, unit: '%' });
    expect(fine.problems).toEqual([]);
    const warn = at(20);
    expect(value(warn.rows.dilutions?.r1?.solvent_percent)).toBe(0.2);
    expect(warn.problems).toEqual([
      expect.objectContaining({
        code: 'warn_range',
        severity: 'warning',
        fieldId: 'dilutions',
        rowId: 'r1',
        columnId: 'solvent_percent',
      }),
    ]);
    expect(warn.blocking).toBe(false);
    const block = at(60);
    expect(value(block.rows.dilutions?.r1?.solvent_percent)).toBe(0.6);
    expect(block.problems).toEqual([
      expect.objectContaining({ code: 'block_range', severity: 'block', rowId: 'r1', columnId: 'solvent_percent' }),
    ]);
    expect(block.blocking).toBe(true);
  });

  it('a saline stock does not count toward the solvent percentage', () => {
    const e = evaluateBlock(
      DRUG_STOCK,
      { ...CISPLATIN, dilutions: [{ rowId: 'r1', final_conc: q(15, 'µM'), final_volume: q(10, 'mL') }] },
      env,
    );
    expect(e.rows.dilutions?.r1?.solvent_percent).toMatchObject({ ok: false, missing: true });
    expect(e.rows.dilutions?.r1?.stock_volume).toMatchObject({ ok: true, unit: 'µL' });
    expect(e.problems).toEqual([]);
  });

  it('T4: the DMSO of all treatment rows is summed over the medium volume', () => {
    const values: BlockValues = {
      model: link('model-record', 'NCI-H69', {}),
      medium_volume: q(10, 'mL'),
      seeded_cells: q(1e6, 'cells'),
      day0_date: '2026-11-01',
      treatments: [
        {
          rowId: 'a',
          stock: link('drug-stock', 'eto', { drug: 'etoposide', solvent: 'DMSO', stock_mm: q(10, 'mM') }),
          ic50: q(1.2, 'µM'),
          multiple: 5,
          ic50_entry: link('ic50-plate', 'x', { ic50: q(1.2, 'µM') }),
        },
        {
          rowId: 'b',
          stock: link('drug-stock', 'olaparib', { drug: 'olaparib', solvent: 'DMSO', stock_mm: q(10, 'mM') }),
          ic50: q(2, 'µM'),
          multiple: 5,
        },
      ],
    };
    // 6 µL + 10 µL of DMSO stocks in 10 mL = 0.16 %: a warning.
    const e = evaluateBlock(PERSISTER_INDUCTION, values, env);
    expect(e.computed.dmso_percent).toMatchObject({ ok: true, value: 0.16, unit: '%' });
    expect(problem(e, 'warn_range', 'dmso_percent')).toBeDefined();
  });
});

describe('dose-response plates (T3)', () => {
  const doses = [0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100];
  const curve = (d: number, ic50 = 3, hill = 1.3) => 5 + 95 / (1 + (d / ic50) ** hill);
  const base = (rows: BlockValues['responses'], extra: BlockValues = {}): BlockValues => ({
    model: link('model-record', 'NCI-H69', {}),
    drug: 'cisplatin',
    format: '96',
    replicates: 3,
    responses: rows,
    ...extra,
  });

  it('fits a 4PL curve to the table and exposes IC50, Hill and R² as their own values', () => {
    const rows = doses.map((d, i) => ({ rowId: `r${i}`, dose: q(d, 'µM'), viability: q(curve(d), '%') }));
    const e = evaluateBlock(IC50_PLATE, base(rows), env);
    expect(e.problems).toEqual([]);
    const fit = e.computed.fit;
    expect(fit?.ok && fit.display).toMatch(/^IC50 3\.00 µM \(95 % CI 3\.00–3\.00\), Hill 1\.30, R² 1\.000$/);
    expect(value(e.computed.ic50)).toBeCloseTo(3, 6);
    expect(e.computed.ic50).toMatchObject({ unit: 'µM' });
    expect(value(e.computed.hill)).toBeCloseTo(1.3, 6);
  });

  it('doses in nM fit the same curve, reported in µM', () => {
    const rows = doses.map((d, i) => ({ rowId: `r${i}`, dose: q(d * 1000, 'nM'), viability: q(curve(d), '%') }));
    expect(value(evaluateBlock(IC50_PLATE, base(rows), env).computed.ic50)).toBeCloseTo(3, 6);
  });

  it('flags an IC50 outside the tested range and a poor R² as warnings', () => {
    const outside = doses.map((d, i) => ({ rowId: `r${i}`, dose: q(d, 'µM'), viability: q(curve(d, 300, 1), '%') }));
    const e = evaluateBlock(IC50_PLATE, base(outside), env);
    expect(e.computed.fit).toMatchObject({ ok: true, flags: expect.arrayContaining(['ic50_outside_range']) });
    expect(problem(e, 'ic50_outside_range', 'fit')?.severity).toBe('warning');
    const noisy = [100, 20, 95, 30, 90, 10, 60, 5, 50].map((v, i) => ({
      rowId: `r${i}`,
      dose: q(doses[i] as number, 'µM'),
      viability: q(v, '%'),
    }));
    const poor = evaluateBlock(IC50_PLATE, base(noisy), env);
    expect(poor.computed.fit).toMatchObject({ ok: true, flags: expect.arrayContaining(['low_r2']) });
    expect(problem(poor, 'fit_low_r2', 'fit')?.message).toMatch(/below 0\.9/);
    expect(poor.blocking).toBe(false);
  });

  it('fewer than 3 replicates block; a fit with too few doses waits instead of failing', () => {
    const rows = doses.slice(0, 3).map((d, i) => ({ rowId: `r${i}`, dose: q(d, 'µM'), viability: q(curve(d), '%') }));
    const e = evaluateBlock(IC50_PLATE, base(rows, { replicates: 2 }), env);
    expect(problem(e, 'block_range', 'replicates')?.message).toBe('Use at least 3 replicates per dose (triplicates).');
    expect(e.computed.fit).toMatchObject({ ok: false, missing: true });
    expect(e.computed.ic50).toMatchObject({ ok: false, missing: true });
  });

  it('% viability from raw signals between the blank and the vehicle', () => {
    const e = evaluateBlock(
      IC50_PLATE,
      base([{ rowId: 'r', dose: q(1, 'µM'), signal: 50_500 }], { blank_signal: 1000, vehicle_signal: 100_000 }),
      env,
    );
    expect(e.rows.responses?.r?.pct_viability).toMatchObject({ ok: true, value: 50, unit: '%', display: '50 %' });
  });

  it("fits from the plate map's readings and computes Z'", () => {
    const wells: Record<string, unknown> = {};
    doses.forEach((d, i) => {
      for (const row of ['B', 'C', 'D'])
        wells[`${row}${i + 2}`] = { role: 'sample', concentration: q(d, 'µM'), reading: 1000 + 1000 * curve(d) };
    });
    ['B', 'C', 'D'].forEach((r, i) => (wells[`${r}11`] = { role: 'vehicle', reading: [100_500, 101_000, 101_500][i] }));
    ['E', 'F', 'G'].forEach((r, i) => (wells[`${r}11`] = { role: 'blank', reading: [990, 1000, 1010][i] }));
    ['B', 'C', 'D'].forEach((r, i) => (wells[`${r}12`] = { role: 'kill', reading: [1400, 1500, 1600][i] }));
    const e = evaluateBlock(IC50_PLATE, base([], { plate: { format: 96, wells } }), env);
    expect(value(e.computed.ic50)).toBeCloseTo(3, 4);
    const z = value(e.computed.z_prime) as number;
    expect(z).toBeGreaterThan(0.9);
    expect(e.computed.z_prime?.ok && e.computed.z_prime.display).toMatch(/excellent/);
    expect(e.computed.gr).toMatchObject({ ok: false, missing: true });
  });

  it('a plate map of the wrong format blocks', () => {
    const e = evaluateBlock(IC50_PLATE, base([], { format: '384', plate: { format: 96, wells: {} } }), env);
    expect(problem(e, 'plate_format', 'plate')?.severity).toBe('block');
  });
});

describe('other templates', () => {
  it('T5: fold shift from a linked parental IC50 and a typed re-challenge IC50 in nM', () => {
    const e = evaluateBlock(
      DRUG_HOLIDAY,
      {
        parent_induction: link('persister-induction', 'induction', { seeded_cells: q(1e6, 'cells') }),
        parental_ic50_entry: link('ic50-plate', 'IC50 cisplatin 3 µM', { ic50: q(3, 'µM') }),
        rechallenge_ic50: q(4100, 'nM'),
      },
      env,
    );
    expect(e.computed.fold_shift).toMatchObject({ ok: true, display: '1.37×' });
    expect(value(e.computed.tolerance_class)).toBe('reverted');
    expect(
      evaluateBlock(DRUG_HOLIDAY, { parental_ic50: q(3, 'µM'), rechallenge_ic50: q(45, 'µM') }, env).computed
        .tolerance_class,
    ).toMatchObject({
      value: 'resistant',
    });
    // Thresholds belong to the block: with "tolerant from 1.2×", 1.37× is tolerant.
    const custom = evaluateBlock(
      DRUG_HOLIDAY,
      { parental_ic50: q(3, 'µM'), rechallenge_ic50: q(4.1, 'µM'), tolerant_from: 1.2 },
      env,
    );
    expect(value(custom.computed.tolerance_class)).toBe('tolerant');
  });

  it('T6: caliper volume, injection volume and humane endpoints', () => {
    const e = evaluateBlock(
      PDX_TREATMENT,
      {
        iacuc: 'IACUC-1',
        model: link('model-record', 'CDX', {}),
        randomisation: 'blocks',
        blinding: 'blinded caliper',
        regimen: [
          {
            rowId: 'g',
            arm: 'treated',
            drug: 'cisplatin',
            dose: q(5, 'mg/kg'),
            solution: q(0.5, 'mg/mL'),
            body_weight: q(22, 'g'),
          },
        ],
        caliper: [
          {
            rowId: 'a0',
            animal: 'M01',
            arm: 'vehicle',
            day: 0,
            length: q(8.2, 'mm'),
            width: q(7.1, 'mm'),
            body_weight: q(22, 'g'),
          },
          {
            rowId: 'a1',
            animal: 'M01',
            arm: 'vehicle',
            day: 21,
            length: q(1.8, 'cm'),
            width: q(1.5, 'cm'),
            body_weight: q(17, 'g'),
          },
        ],
      },
      env,
    );
    expect(e.rows.caliper?.a0?.volume).toMatchObject({ ok: true, value: 206.681, unit: 'mm3', display: '206.7 mm³' });
    expect(e.rows.regimen?.g?.dose_volume).toMatchObject({ ok: true, value: 0.22, unit: 'mL' });
    expect(value(e.rows.caliper?.a1?.rtv)).toBeCloseTo(2025 / 206.681, 6);
    expect(value(e.rows.caliper?.a1?.bw_change)).toBeCloseTo(-22.727, 3);
    expect(e.problems).toContainEqual(
      expect.objectContaining({ code: 'humane_endpoint', rowId: 'a1', columnId: 'endpoint' }),
    );
    expect(e.problems).toContainEqual(
      expect.objectContaining({ code: 'warn_range', rowId: 'a1', columnId: 'bw_change' }),
    );
  });

  it('T7: MOI above 0.3 warns; virus volume and actual MOI', () => {
    const base = {
      model: link('model-record', 'NCI-H69', {}),
      library: 'lib',
      titre: q(1e8, 'TU/mL'),
      cells: q(2e6, 'cells'),
      reference_sample: 'ref',
    };
    const ok = evaluateBlock(BARCODE_TRANSDUCTION, { ...base, target_moi: 0.1, positive_percent: q(9.5, '%') }, env);
    expect(ok.problems).toEqual([]);
    expect(ok.computed.virus_volume).toMatchObject({ ok: true, value: 2, unit: 'µL' });
    expect((value(ok.computed.moi_actual) as number).toFixed(4)).toBe('0.0998');
    const high = evaluateBlock(BARCODE_TRANSDUCTION, { ...base, target_moi: 0.5 }, env);
    expect(problem(high, 'warn_range', 'target_moi')?.severity).toBe('warning');
    expect(evaluateBlock(BARCODE_TRANSDUCTION, { ...base, reference_sample: '' }, env).blocking).toBe(true);
  });

  it('T8: viability below 80 % warns only for single-cell assays; MINSEQE when deposited', () => {
    const base = {
      sample_id: 'S1',
      parent: link('persister-induction', 'induction', {}),
      viability: q(70, '%'),
      cells: q(1e4, 'cells'),
    };
    const sc = evaluateBlock(SAMPLE_HARVEST, { ...base, assays: ['10x-3p'] }, env);
    expect(sc.problems.map((p) => p.ruleId)).toEqual(['single_cell_viability']);
    expect(evaluateBlock(SAMPLE_HARVEST, { ...base, assays: ['bulk-rna'] }, env).problems).toEqual([]);
    const deposited = evaluateBlock(SAMPLE_HARVEST, { ...base, accession: 'GSE123456', minseqe: ['samples'] }, env);
    expect(deposited.problems.map((p) => p.ruleId)).toEqual(['minseqe_incomplete']);
    expect(
      problem(evaluateBlock(SAMPLE_HARVEST, { ...base, accession: 'GEO 1' }, env), 'invalid_identifier', 'accession'),
    ).toBeDefined();
  });

  it('links must point at blocks of the right template', () => {
    const e = evaluateBlock(DRUG_HOLIDAY, { parent_induction: link('drug-stock', 'cisplatin', {}) }, env);
    expect(problem(e, 'wrong_target', 'parent_induction')?.severity).toBe('block');
    expect(
      problem(evaluateBlock(DRUG_HOLIDAY, { parent_induction: { entryId: 'x' } }, env), 'invalid_link'),
    ).toBeDefined();
  });

  it('tables: rows without ids still get problems attached, row limits apply', () => {
    const e = evaluateBlock(PERSISTER_INDUCTION, { treatments: [{ multiple: 'five' }] }, env);
    expect(e.problems).toContainEqual(
      expect.objectContaining({ code: 'not_a_number', fieldId: 'treatments', rowId: '#1', columnId: 'multiple' }),
    );
    expect(e.problems).toContainEqual(
      expect.objectContaining({ code: 'required', fieldId: 'treatments', rowId: '#1', columnId: 'stock' }),
    );
    const many = Array.from({ length: 11 }, (_, i) => ({ rowId: `r${i}` }));
    expect(
      problem(evaluateBlock(PERSISTER_INDUCTION, { treatments: many }, env), 'too_many_rows', 'treatments'),
    ).toBeDefined();
    expect(
      problem(evaluateBlock(PERSISTER_INDUCTION, { treatments: 'none' }, env), 'wrong_type', 'treatments'),
    ).toBeDefined();
  });

  it('computed values report what they need instead of a problem', () => {
    const e = evaluateBlock(DRUG_STOCK, { drug: 'x', lot: 'y', mw: q(300, 'g/mol') }, env);
    expect(e.computed.stock_mm).toEqual({ ok: false, missing: true, message: 'needs Mass weighed and Solvent volume' });
    expect(codes(e)).toEqual([]);
  });
});
