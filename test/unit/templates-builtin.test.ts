// The eight built-in templates against the domain guide (shared/guide/domain.md,
// "Templates the notebook should ship"): valid definitions, the listed fields
// and required marks, explicit units, the rules.
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES, builtinTemplate } from '../../shared/templates/builtin/index';
import { computedFunction } from '../../shared/templates/computed';
import {
  type ColumnDefinition,
  type FieldDefinition,
  TEMPLATE_DEFINITION,
  type TemplateDefinition,
} from '../../shared/templates/definition';
import { evaluateBlock } from '../../shared/templates/evaluate';
import { initialValues } from '../../shared/templates/placeholders';
import { templateIssues } from '../../shared/templates/semantics';
import { validateTemplate } from '../../shared/templates/validate';

const env = { today: '2026-11-26', user: 'tester' };

function allFields(t: TemplateDefinition): Array<FieldDefinition | ColumnDefinition> {
  return t.groups.flatMap((g) =>
    g.fields.flatMap((f): Array<FieldDefinition | ColumnDefinition> => (f.type === 'table' ? [f, ...f.columns] : [f])),
  );
}

function field(t: TemplateDefinition, id: string): FieldDefinition | ColumnDefinition {
  const found = allFields(t).find((f) => f.id === id);
  if (!found) throw new Error(`${t.id} has no field ${id}`);
  return found;
}

const byId = (id: string): TemplateDefinition => {
  const t = builtinTemplate(id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
};

describe('the built-in templates', () => {
  it('are T1-T8 with the agreed ids, version 1', () => {
    expect(BUILTIN_TEMPLATES.map((t) => [t.code, t.id, t.version])).toEqual([
      ['T1', 'model-record', 1],
      ['T2', 'drug-stock', 1],
      ['T3', 'ic50-plate', 1],
      ['T4', 'persister-induction', 1],
      ['T5', 'drug-holiday', 1],
      ['T6', 'pdx-treatment', 1],
      ['T7', 'barcode-transduction', 1],
      ['T8', 'sample-harvest', 1],
    ]);
  });

  it.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s passes the schema and the semantic checks',
    (_id, t) => {
      const json = JSON.parse(JSON.stringify(t)) as unknown;
      const parsed = TEMPLATE_DEFINITION.safeParse(json);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      expect(templateIssues(t, BUILTIN_TEMPLATES)).toEqual([]);
      const validated = validateTemplate(json, BUILTIN_TEMPLATES);
      expect(validated.ok).toBe(true);
    },
  );

  it('state a unit on every number, and on every computed quantity', () => {
    for (const t of BUILTIN_TEMPLATES) {
      for (const f of allFields(t)) {
        if (f.type === 'number') expect(f.unit, `${t.id}.${f.id}`).not.toBe('');
        if (f.type === 'computed') {
          const result = computedFunction(f.fn)?.result;
          const family = result?.type === 'number' ? result.family : undefined;
          if (family !== undefined && family !== 'none' && family !== 'any')
            expect(f.unit, `${t.id}.${f.id} (${f.fn})`).toBeTruthy();
        }
      }
    }
  });

  it('a new block of each template starts with its defaults and evaluates without template errors', () => {
    for (const t of BUILTIN_TEMPLATES) {
      const e = evaluateBlock(t, initialValues(t, env), env);
      expect(
        e.problems.filter((p) => p.code !== 'required' && p.ruleId === undefined),
        t.id,
      ).toEqual([]);
    }
  });
});

describe('fields and rules of the domain guide', () => {
  const required = (t: TemplateDefinition) =>
    allFields(t)
      .filter((f) => f.required)
      .map((f) => f.id);

  it('T1 model record', () => {
    const t = byId('model-record');
    for (const id of [
      'model_id',
      'model_type',
      'name',
      'cellosaurus',
      'rrid',
      'parent_model',
      'primary_site',
      'histology',
      'derivation',
      'subtype',
      'growth_mode',
      'medium',
      'passage',
      'mouse_passage',
      'host_strain',
      'str_match',
      'myco_date',
      'myco_method',
      'myco_result',
      'days_since_myco',
      'doubling_time',
    ]) {
      expect(field(t, id)).toBeDefined();
    }
    expect(required(t)).toEqual(['model_id', 'myco_date']);
    expect(field(t, 'model_id')).toMatchObject({ type: 'identifier', unique: true });
    expect(field(t, 'cellosaurus')).toMatchObject({ type: 'identifier', scheme: 'cellosaurus' });
    expect(field(t, 'rrid')).toMatchObject({ type: 'computed', fn: 'rrid' });
    expect(field(t, 'passage')).toMatchObject({ min: 0, max: 200 });
    expect(field(t, 'str_match')).toMatchObject({ family: 'percent', warn: { min: 80 } });
    expect(field(t, 'days_since_myco')).toMatchObject({ fn: 'daysSince', warn: { max: 90 } });
    expect(field(t, 'doubling_time')).toMatchObject({ family: 'time', unit: 'h' });
    expect(field(t, 'parent_model')).toMatchObject({ lineage: true });
    expect((field(t, 'histology') as { options: { value: string }[] }).options.map((o) => o.value)).toEqual([
      'SCLC',
      'LCNEC',
      'EP-NEC',
      'other',
    ]);
    expect(t.rules.map((r) => [r.id, r.severity])).toContainEqual(['mycoplasma_positive', 'block']);
  });

  it('T2 drug stock', () => {
    const t = byId('drug-stock');
    for (const id of [
      'pubchem_cid',
      'inchikey',
      'cas',
      'vendor',
      'catalog',
      'lot',
      'mw',
      'mass',
      'volume',
      'solvent',
      'stock_mm',
      'aliquots',
      'storage',
      'prep_date',
      'expiry_date',
      'freeze_thaw',
      'dilutions',
      'stock_volume',
      'solvent_percent',
    ]) {
      expect(field(t, id)).toBeDefined();
    }
    expect(required(t)).toEqual(expect.arrayContaining(['lot', 'mw']));
    expect(field(t, 'stock_mm')).toMatchObject({ fn: 'stockMolarity', unit: 'mM' });
    expect(field(t, 'stock_volume')).toMatchObject({ fn: 'c1v1', unit: 'µL' });
    expect(field(t, 'solvent_percent')).toMatchObject({ unit: '%', warn: { max: 0.1 }, block: { max: 0.5 } });
    expect(t.rules.find((r) => r.id === 'platinum_in_dmso')).toMatchObject({ severity: 'block' });
  });

  it('T3 IC50 plate', () => {
    const t = byId('ic50-plate');
    for (const id of [
      'format',
      'assay',
      'cells_per_well',
      'exposure',
      'top_concentration',
      'dilution_factor',
      'doses',
      'replicates',
      'plate',
      'time0',
      'pct_viability',
      'fit',
      'ic50',
      'abs_ic50',
      'hill',
      'r2',
      'gr',
      'gr50',
      'z_prime',
    ]) {
      expect(field(t, id)).toBeDefined();
    }
    expect(field(t, 'replicates')).toMatchObject({ block: { min: 3 } });
    expect(field(t, 'plate')).toMatchObject({ type: 'platemap', format: 'format' });
    expect(field(t, 'fit')).toMatchObject({ fn: 'fit4pl', params: { minR2: 0.9 } });
  });

  it('T4 persister induction', () => {
    const t = byId('persister-induction');
    for (const id of [
      'model',
      'treatments',
      'stock',
      'ic50_entry',
      'multiple',
      'concentration',
      'stock_volume',
      'dmso_percent',
      'vessel',
      'seeded_cells',
      'day0_date',
      'refresh_interval',
      'refresh_type',
      'duration',
      'timepoints',
      'day',
      'treated',
      'vehicle',
      'viability',
      'method',
      'image',
      'pct_day0',
      'pct_vehicle',
      'pd',
      'net_growth_rate',
      'persister_fraction',
      'plateau',
      'vessels_needed',
    ]) {
      expect(field(t, id)).toBeDefined();
    }
    expect(required(t)).toEqual(expect.arrayContaining(['model', 'treatments', 'stock', 'seeded_cells', 'day0_date']));
    expect(field(t, 'refresh_interval')).toMatchObject({ default: 3, unit: 'd' });
    expect(field(t, 'plateau')).toMatchObject({ params: { threshold: 0.1 } });
    expect(t.rules.map((r) => r.id)).toEqual(expect.arrayContaining(['platinum_in_dmso', 'ic50_entry_required']));
    expect(field(t, 'dmso_percent')).toMatchObject({ warn: { max: 0.1 }, block: { max: 0.5 } });
  });

  it('T5 drug holiday', () => {
    const t = byId('drug-holiday');
    for (const id of [
      'parent_induction',
      'holiday_start',
      'medium_cadence',
      'counts',
      'doubling_time',
      'time_to_regrowth',
      'fold_shift',
      'tolerance_class',
      'tolerant_from',
      'resistant_above',
    ]) {
      expect(field(t, id)).toBeDefined();
    }
    expect(field(t, 'parent_induction')).toMatchObject({ required: true, lineage: true });
    expect(field(t, 'tolerant_from')).toMatchObject({ default: 2 });
    expect(field(t, 'resistant_above')).toMatchObject({ default: 10 });
  });

  it('T6 PDX/CDX treatment with the ARRIVE Essential 10', () => {
    const t = byId('pdx-treatment');
    for (const id of [
      'iacuc',
      'study_design',
      'n_per_arm',
      'inclusion_exclusion',
      'randomisation',
      'blinding',
      'outcome_measures',
      'statistical_methods',
      'strain',
      'sex',
      'age',
      'procedures',
      'results_summary',
      'enrol_min',
      'enrol_max',
      'regimen',
      'dose_volume',
      'caliper',
      'volume',
      'rtv',
      'bw_change',
      'endpoint',
      'tgi',
    ]) {
      expect(field(t, id)).toBeDefined();
    }
    expect(required(t)).toEqual(expect.arrayContaining(['iacuc', 'randomisation', 'blinding']));
    const arrive = t.groups.find((g) => g.id === 'arrive')?.fields.map((f) => f.label.split('.')[0]) ?? [];
    expect(new Set(arrive)).toEqual(new Set(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']));
  });

  it('T7 barcode transduction', () => {
    const t = byId('barcode-transduction');
    for (const id of [
      'library',
      'complexity',
      'virus_lot',
      'titre',
      'target_moi',
      'virus_volume',
      'marker',
      'positive_percent',
      'moi_actual',
      'cells_per_barcode',
      'reference_sample',
    ]) {
      expect(field(t, id)).toBeDefined();
    }
    expect(field(t, 'target_moi')).toMatchObject({ warn: { max: 0.3 } });
    expect(field(t, 'reference_sample')).toMatchObject({ required: true });
    expect(field(t, 'titre')).toMatchObject({ family: 'titre', unit: 'TU/mL' });
  });

  it('T8 sample harvest', () => {
    const t = byId('sample-harvest');
    for (const id of [
      'sample_id',
      'parent',
      'day',
      'arm',
      'cells',
      'viability',
      'dissociation',
      'human_mouse_sort',
      'assays',
      'kit',
      'kit_lot',
      'storage',
      'accession',
      'minseqe',
      'subtype',
    ]) {
      expect(field(t, id)).toBeDefined();
    }
    expect(required(t)).toEqual(['sample_id', 'parent']);
    expect(field(t, 'sample_id')).toMatchObject({ default: 'S{{date}}-{{id}}', unique: true });
    expect((field(t, 'assays') as { options: { value: string }[] }).options.map((o) => o.value)).toEqual([
      '10x-3p',
      'bulk-rna',
      'atac',
      'multiome',
      'barcode-amplicon',
      'flow',
    ]);
    expect(t.rules.map((r) => r.id)).toContain('single_cell_viability');
  });
});
