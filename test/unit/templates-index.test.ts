// What the core stores about a block besides its values: structured index
// rows (canonical units), its label, its links; and how a block starts
// (defaults and placeholders) and how a link snapshots its target.
import { describe, expect, it } from 'vitest';
import type { BlockValues } from '../../shared/templates/block';
import {
  DRUG_HOLIDAY,
  DRUG_STOCK,
  IC50_PLATE,
  MODEL_RECORD,
  PERSISTER_INDUCTION,
  SAMPLE_HARVEST,
} from '../../shared/templates/builtin/index';
import { evaluateBlock } from '../../shared/templates/evaluate';
import type { EvaluationEnv } from '../../shared/templates/evaluation';
import { type IndexRow, blockLabel, indexRowsOf, linkTargetsOf } from '../../shared/templates/index-rows';
import { fillPlaceholders, initialRow, initialValues } from '../../shared/templates/placeholders';
import { makeLinkValue, snapshotOf } from '../../shared/templates/snapshot';

const env: EvaluationEnv = { today: '2026-11-26', user: 'ada', now: '2026-11-26T09:41:07.123Z' };
const q = (value: number, unit: string) => ({ value, unit });

function rowsOf(template: Parameters<typeof indexRowsOf>[0], values: BlockValues): IndexRow[] {
  return indexRowsOf(template, values, evaluateBlock(template, values, env));
}

const CISPLATIN: BlockValues = {
  drug: 'Cisplatin',
  drug_class: 'platinum',
  lot: 'A12',
  mw: q(300.05, 'g/mol'),
  mass: q(1, 'mg'),
  volume: q(1000, 'µL'),
  solvent: 'saline',
  dilutions: [{ rowId: 'r1', purpose: 'flask', final_conc: q(0.01, 'mM'), final_volume: q(10, 'mL') }],
};

describe('indexRowsOf', () => {
  it('normalises numbers to the canonical unit of their family (0.01 mM is indexed as 10 µM)', () => {
    const rows = rowsOf(DRUG_STOCK, CISPLATIN);
    expect(rows).toContainEqual({ field: 'dilutions.final_conc', rowId: 'r1', num: 10, text: null, unit: 'µM' });
    expect(rows).toContainEqual({ field: 'volume', rowId: null, num: 1, text: null, unit: 'mL' });
    expect(rows).toContainEqual({ field: 'mw', rowId: null, num: 300.05, text: null, unit: 'g/mol' });
    // Computed values are indexed too: the stock molarity, the volume to add, in canonical units.
    const stock = rows.find((r) => r.field === 'stock_mm');
    expect(stock?.unit).toBe('µM');
    expect(stock?.num).toBeCloseTo(3332.78, 1);
    const v1 = rows.find((r) => r.field === 'dilutions.stock_volume');
    expect(v1).toMatchObject({ rowId: 'r1', unit: 'mL' });
    expect(v1?.num).toBeCloseTo(0.030005, 5);
  });

  it('lower-cases text, enum values and identifiers', () => {
    const rows = rowsOf(DRUG_STOCK, { ...CISPLATIN, cas: '15663-27-1' });
    expect(rows).toContainEqual({ field: 'drug', rowId: null, num: null, text: 'cisplatin', unit: null });
    expect(rows).toContainEqual({ field: 'solvent', rowId: null, num: null, text: 'saline', unit: null });
    expect(rows).toContainEqual({ field: 'cas', rowId: null, num: null, text: '15663-27-1', unit: null });
  });

  it('indexes link labels and snapshot keys, computed columns per row, and booleans', () => {
    const values: BlockValues = {
      model: {
        entryId: 'e1',
        blockId: 'b1',
        label: 'NCI-H69',
        templateId: 'model-record',
        snapshot: { model_id: 'NCI-H69' },
      },
      medium_volume: q(10, 'mL'),
      seeded_cells: q(1e6, 'cells'),
      day0_date: '2026-11-01',
      treatments: [
        {
          rowId: 't1',
          stock: {
            entryId: 'e2',
            blockId: 'b2',
            label: 'cisplatin lot A12',
            templateId: 'drug-stock',
            snapshot: { drug: 'cisplatin', stock_mm: q(3.333, 'mM') },
          },
          ic50: q(3, 'µM'),
          multiple: 5,
        },
      ],
      timepoints: [
        { rowId: 'd0', day: 0, treated: q(1e6, 'cells') },
        { rowId: 'd9', day: 9, treated: q(1.8e4, 'cells') },
        { rowId: 'd12', day: 12, treated: q(1.5e4, 'cells') },
      ],
    };
    const rows = rowsOf(PERSISTER_INDUCTION, values);
    expect(rows).toContainEqual({ field: 'model', rowId: null, num: null, text: 'nci-h69', unit: null });
    expect(rows).toContainEqual({
      field: 'treatments.stock.drug',
      rowId: 't1',
      num: null,
      text: 'cisplatin',
      unit: null,
    });
    expect(rows).toContainEqual({ field: 'treatments.stock.stock_mm', rowId: 't1', num: 3333, text: null, unit: 'µM' });
    expect(rows).toContainEqual({ field: 'treatments.concentration', rowId: 't1', num: 15, text: null, unit: 'µM' });
    expect(rows).toContainEqual({ field: 'treatments.multiple', rowId: 't1', num: 5, text: null, unit: null });
    expect(rows).toContainEqual({ field: 'persister_fraction', rowId: null, num: 1.5, text: null, unit: '%' });
    expect(rows).toContainEqual({ field: 'plateau', rowId: null, num: null, text: 'true', unit: null });
    expect(rows).toContainEqual({ field: 'timepoints.pct_day0', rowId: 'd12', num: 1.5, text: null, unit: '%' });
    expect(rows).toContainEqual({ field: 'day0_date', rowId: null, num: null, text: '2026-11-01', unit: null });
    // A time in days is indexed in hours, the canonical time unit.
    const holiday = rowsOf(DRUG_HOLIDAY, { medium_cadence: q(3.5, 'd') });
    expect(holiday).toContainEqual({ field: 'medium_cadence', rowId: null, num: 84, text: null, unit: 'h' });
  });

  it('indexes fit results: the IC50 as its own field and the fit parameters', () => {
    const doses = [0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100];
    const values: BlockValues = {
      drug: 'cisplatin',
      responses: doses.map((d, i) => ({
        rowId: `r${i}`,
        dose: q(d, 'µM'),
        viability: q(5 + 95 / (1 + (d / 3) ** 1.3), '%'),
      })),
    };
    const rows = rowsOf(IC50_PLATE, values);
    expect(rows.find((r) => r.field === 'ic50')).toMatchObject({ unit: 'µM' });
    expect(rows.find((r) => r.field === 'ic50')?.num).toBeCloseTo(3, 6);
    expect(rows.find((r) => r.field === 'fit.ic50')?.num).toBeCloseTo(3, 6);
    expect(rows.find((r) => r.field === 'fit.hill')).toMatchObject({ unit: null });
  });

  it('skips what cannot be indexed instead of failing', () => {
    expect(
      rowsOf(DRUG_STOCK, { mass: { raw: 'lots' }, volume: q(1, 'furlong') }).filter((r) => r.field === 'mass'),
    ).toEqual([]);
    expect(rowsOf(DRUG_STOCK, { mass: { raw: '2 mg' } })).toContainEqual({
      field: 'mass',
      rowId: null,
      num: 2,
      text: null,
      unit: 'mg',
    });
  });
});

describe('blockLabel', () => {
  it('uses the template label pattern, dropping optional parts that are empty', () => {
    expect(blockLabel(MODEL_RECORD, { model_id: 'NCI-H69' })).toBe('NCI-H69');
    expect(blockLabel(DRUG_STOCK, CISPLATIN)).toBe('Cisplatin lot A12 3.333 mM');
    expect(blockLabel(DRUG_STOCK, { drug: 'etoposide' })).toBe('etoposide');
    expect(blockLabel(SAMPLE_HARVEST, { sample_id: 'S1', arm: 'treated' })).toBe('S1 treated (persisters)');
  });

  it('IC50 blocks are labelled with the drug and the fitted IC50', () => {
    const doses = [0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100];
    const values: BlockValues = {
      drug: 'cisplatin',
      responses: doses.map((d, i) => ({
        rowId: `r${i}`,
        dose: q(d, 'µM'),
        viability: q(5 + 95 / (1 + (d / 3) ** 1.3), '%'),
      })),
    };
    expect(blockLabel(IC50_PLATE, values)).toBe('IC50 cisplatin 3 µM');
    expect(blockLabel(IC50_PLATE, { drug: 'cisplatin' })).toBe('IC50 cisplatin');
  });

  it('falls back to the template name for an empty block', () => {
    expect(blockLabel(MODEL_RECORD, {})).toBe('Model record');
    expect(blockLabel(PERSISTER_INDUCTION, {})).toBe('Persister induction (in vitro)');
    // Without its essential part (the sample id), the first text value identifies the block.
    expect(blockLabel(SAMPLE_HARVEST, { kit: 'Chromium' })).toBe('Chromium');
  });
});

describe('linkTargetsOf', () => {
  it('lists link fields and link columns with their lineage flag and row', () => {
    const values: BlockValues = {
      model: { entryId: 'E1', blockId: 'B1', label: 'NCI-H69' },
      treatments: [
        {
          rowId: 't1',
          stock: { entryId: 'E2', blockId: 'B2', label: 'cisplatin' },
          ic50_entry: { entryId: 'E3', label: 'IC50' },
        },
        { rowId: 't2', stock: 'not a link' },
      ],
    };
    expect(linkTargetsOf(PERSISTER_INDUCTION, values)).toEqual([
      { fieldId: 'model', entryId: 'E1', blockId: 'B1', lineage: true },
      { fieldId: 'treatments.stock', entryId: 'E2', blockId: 'B2', lineage: false, rowId: 't1' },
      { fieldId: 'treatments.ic50_entry', entryId: 'E3', lineage: false, rowId: 't1' },
    ]);
    expect(linkTargetsOf(PERSISTER_INDUCTION, { model: 42, treatments: 'x' })).toEqual([]);
  });
});

describe('initial values and placeholders', () => {
  it('fills defaults, {{today}} dates and default table rows with fresh row ids', () => {
    let n = 0;
    const ids = { ...env, newId: () => `01JROW${String(++n).padStart(20, '0')}` };
    const values = initialValues(PERSISTER_INDUCTION, ids);
    expect(values.day0_date).toBe('2026-11-26');
    expect(values.medium_volume).toEqual({ value: 10, unit: 'mL' });
    expect(values.refresh_interval).toEqual({ value: 3, unit: 'd' });
    expect(values.vessel).toBe('T25');
    const timepoints = values.timepoints as Array<Record<string, unknown>>;
    expect(timepoints.map((r) => r.day)).toEqual([0, 3, 6, 9, 12]);
    expect(new Set(timepoints.map((r) => r.rowId)).size).toBe(5);
    // minRows gives the treatment table one empty row, with the column default.
    expect(values.treatments).toEqual([{ rowId: expect.stringMatching(/^01JROW/), multiple: 5 }]);
    expect(values).not.toHaveProperty('net_growth_rate');
  });

  it('generates a sample id from {{date}} and {{id}}', () => {
    const values = initialValues(SAMPLE_HARVEST, { ...env, newId: () => '01JDEMO0000000000000ABC123' });
    expect(values.sample_id).toBe('S20261126-ABC123');
    expect(evaluateBlock(SAMPLE_HARVEST, values, env).problems.map((p) => p.fieldId)).toEqual(['parent']);
    const random = initialValues(SAMPLE_HARVEST, env).sample_id as string;
    expect(random).toMatch(/^S20261126-[0-9A-Z]{6}$/);
  });

  it('fills {{now}} and {{user}} and keeps other text', () => {
    expect(fillPlaceholders('{{user}} at {{now}} on {{today}} ({{unknown}})', env)).toBe(
      'ada at 2026-11-26T09:41:07.123Z on 2026-11-26 ({{unknown}})',
    );
    const table = PERSISTER_INDUCTION.groups.flatMap((g) => g.fields).find((f) => f.id === 'treatments');
    if (table?.type !== 'table') throw new Error('no table');
    expect(initialRow(table, { ...env, newId: () => 'R1' })).toEqual({ rowId: 'R1', multiple: 5 });
  });
});

describe('link snapshots', () => {
  it('copies stored values and computed values (as quantities) of the linked block', () => {
    expect(snapshotOf(DRUG_STOCK, CISPLATIN, ['drug', 'stock_mm', 'solvent', 'nope'], env)).toEqual({
      drug: 'Cisplatin',
      stock_mm: { value: expect.closeTo(3.3328, 4), unit: 'mM' },
      solvent: 'saline',
    });
    const link = makeLinkValue(
      { snapshot: ['drug', 'stock_mm'] },
      { entryId: 'E', blockId: 'B', template: DRUG_STOCK, values: CISPLATIN },
      env,
    );
    expect(link).toMatchObject({
      entryId: 'E',
      blockId: 'B',
      templateId: 'drug-stock',
      label: 'Cisplatin lot A12 3.333 mM',
    });
    expect(Object.keys(link.snapshot ?? {})).toEqual(['drug', 'stock_mm']);
  });
});
