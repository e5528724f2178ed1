// validateTemplate: the JSON schema plus the semantic checks, with messages
// that name the field, rule or reference at fault.
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../shared/templates/builtin/index';
import { COMPUTED_FUNCTIONS } from '../../shared/templates/computed';
import { evaluateBlock } from '../../shared/templates/evaluate';
import { hasNestedRepetition } from '../../shared/templates/safe-regex';
import { validateTemplate } from '../../shared/templates/validate';

/** A small valid template to break one way at a time. */
function base(): Record<string, unknown> & {
  groups: { id: string; label: string; fields: Record<string, unknown>[] }[];
  rules: unknown[];
} {
  return {
    id: 'stock-lite',
    version: 1,
    name: 'Stock (lite)',
    description: 'test template',
    category: 'reagent',
    groups: [
      {
        id: 'main',
        label: 'Main',
        fields: [
          { id: 'drug', type: 'text', label: 'Drug', required: true },
          { id: 'mass', type: 'number', label: 'Mass', family: 'mass', unit: 'mg' },
          { id: 'mw', type: 'number', label: 'MW', family: 'molarMass', unit: 'g/mol' },
          { id: 'volume', type: 'number', label: 'Volume', family: 'volume', unit: 'mL' },
          {
            id: 'stock_mm',
            type: 'computed',
            label: 'Stock',
            fn: 'stockMolarity',
            inputs: { mass: 'mass', mw: 'mw', volume: 'volume' },
            unit: 'mM',
          },
        ],
      },
    ],
    rules: [],
  };
}

function rejected(json: unknown): string {
  const result = validateTemplate(json);
  if (result.ok) throw new Error('expected the template to be rejected');
  return result.message;
}

describe('validateTemplate', () => {
  it('accepts a sound template and returns it parsed', () => {
    const result = validateTemplate(base());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.template.groups[0]?.fields).toHaveLength(5);
  });

  it('accepts every built-in template', () => {
    for (const t of BUILTIN_TEMPLATES) {
      const result = validateTemplate(JSON.parse(JSON.stringify(t)), BUILTIN_TEMPLATES);
      expect(result.ok ? 'ok' : result.message, t.id).toBe('ok');
    }
  });

  it('rejects a duplicate field id', () => {
    const t = base();
    t.groups[0]?.fields.push({ id: 'mass', type: 'text', label: 'Mass again' });
    expect(rejected(t)).toMatch(/field id "mass" is used twice/);
  });

  it('rejects a pattern that is not a regular expression', () => {
    const t = base();
    t.groups[0]?.fields.push({ id: 'lot', type: 'text', label: 'Lot', pattern: { regex: '^[A-Z+$', message: 'x' } });
    expect(rejected(t)).toMatch(/field "lot": \/\^\[A-Z\+\$\/ is not a valid regular expression/);
  });

  it('rejects a pattern with nested repetition (catastrophic backtracking)', () => {
    const t = base();
    t.groups[0]?.fields.push({ id: 'lot', type: 'identifier', label: 'Lot', scheme: 'custom', pattern: '^(a+)+$' });
    expect(rejected(t)).toMatch(/field "lot": the pattern \/\^\(a\+\)\+\$\/ repeats a repeated group/);
    expect(hasNestedRepetition('^(ab|a)*$')).toBe(true);
    expect(hasNestedRepetition('^([a-z]+\\d)*$')).toBe(true);
    expect(hasNestedRepetition('^CVCL_[A-Z0-9]{4}$')).toBe(false);
    expect(hasNestedRepetition('^(GSE\\d+|GSM\\d+)$')).toBe(false);
    expect(hasNestedRepetition('^[(a+)+]$')).toBe(false); // inside a class these are plain characters
  });

  it('rejects an unknown function name', () => {
    const t = base();
    (t.groups[0]?.fields[4] as Record<string, unknown>).fn = 'stockMolality';
    expect(rejected(t)).toMatch(/field "stock_mm": unknown function "stockMolality"/);
  });

  it('rejects a reference to a missing field', () => {
    const t = base();
    (t.groups[0]?.fields[4] as Record<string, unknown>).inputs = {
      mass: 'mass',
      mw: 'molecular_weight',
      volume: 'volume',
    };
    expect(rejected(t)).toMatch(/field "stock_mm", input "mw": "molecular_weight" names no field "molecular_weight"/);
  });

  it('rejects inputs and parameters the function does not declare, and missing ones', () => {
    const t = base();
    (t.groups[0]?.fields[4] as Record<string, unknown>).inputs = { mass: 'mass', weight: 'mw' };
    (t.groups[0]?.fields[4] as Record<string, unknown>).params = { digits: 3 };
    const message = rejected(t);
    expect(message).toMatch(/function "stockMolarity" has no input "weight"/);
    expect(message).toMatch(/function "stockMolarity" needs input "mw"/);
    expect(message).toMatch(/function "stockMolarity" needs input "volume"/);
    expect(message).toMatch(/function "stockMolarity" has no parameter "digits"/);
  });

  it('rejects a computed unit of the wrong kind', () => {
    const t = base();
    (t.groups[0]?.fields[4] as Record<string, unknown>).unit = 'mg';
    expect(rejected(t)).toMatch(/field "stock_mm": 'mg' is a mass, not a molar concentration/);
  });

  it('rejects a number field whose unit is not of its family', () => {
    const t = base();
    (t.groups[0]?.fields[1] as Record<string, unknown>).unit = 'mL';
    expect(rejected(t)).toMatch(/field "mass": unit "mL"/);
  });

  it('rejects an enum default that is not an option, and empty options', () => {
    const t = base();
    t.groups[0]?.fields.push({
      id: 'solvent',
      type: 'enum',
      label: 'Solvent',
      options: [{ value: 'DMSO' }],
      default: 'saline',
    });
    expect(rejected(t)).toMatch(/field "solvent": the default "saline" is not one of its options/);
    const empty = base();
    empty.groups[0]?.fields.push({ id: 'solvent', type: 'enum', label: 'Solvent', options: [] });
    expect(rejected(empty)).toMatch(/groups\[0\]\.fields\[5\]\.options/);
  });

  it('rejects a plate map whose format field does not exist', () => {
    const t = base();
    t.groups[0]?.fields.push({ id: 'plate', type: 'platemap', label: 'Plate', format: 'plate_format' });
    expect(rejected(t)).toMatch(/field "plate": its format field "plate_format" does not exist/);
  });

  it('rejects rules with unresolved refs, bad patterns, a wrong value type or an unknown row table', () => {
    const t = base();
    t.rules = [
      { id: 'a', severity: 'block', when: { ref: 'solvent', op: 'eq', value: 'DMSO' }, message: 'm' },
      { id: 'b', severity: 'warning', when: { ref: 'drug', op: 'matches', value: '(platin' }, message: 'm' },
      { id: 'c', severity: 'warning', when: { ref: 'mass', op: 'gt', value: 'ten' }, message: 'm' },
      { id: 'd', severity: 'warning', forEachRow: 'rows', when: { ref: 'row.x', op: 'present' }, message: 'm' },
      { id: 'e', severity: 'warning', when: { ref: 'row.drug', op: 'present' }, message: 'm' },
      { id: 'a', severity: 'warning', when: { ref: 'drug', op: 'present' }, message: 'm' },
    ];
    const message = rejected(t);
    expect(message).toMatch(/rule "a": "solvent" names no field "solvent"/);
    expect(message).toMatch(/rule "b": \/\(platin\/ is not a valid regular expression/);
    expect(message).toMatch(/rule "c": "gt" needs a number/);
    expect(message).toMatch(/rule "d": forEachRow names no table "rows"/);
    expect(message).toMatch(/rule "e": "row.drug" refers to a row/);
    expect(message).toMatch(/rule id "a" is used twice/);
  });

  it('rejects computed values that depend on themselves', () => {
    const t = base();
    t.groups[0]?.fields.push(
      { id: 'a', type: 'computed', label: 'A', fn: 'plateau', inputs: { rate: 'b' } },
      { id: 'b', type: 'computed', label: 'B', fn: 'moiActual', inputs: { fraction: 'a' } },
    );
    const message = rejected(t);
    expect(message).toMatch(/computed field "a" depends on itself/);
    expect(message).toMatch(/computed field "b" depends on itself/);
  });

  it('checks table columns: list inputs, row refs, link snapshot keys', () => {
    const t = base();
    t.groups[0]?.fields.push(
      {
        id: 'counts',
        type: 'table',
        label: 'Counts',
        columns: [
          { id: 'day', type: 'integer', label: 'Day' },
          { id: 'n', type: 'number', label: 'N', family: 'cellCount', unit: 'cells' },
          {
            id: 'src',
            type: 'link',
            label: 'Source',
            target: { kind: 'block', templateIds: ['drug-stock'] },
            snapshot: ['drug'],
          },
          {
            id: 'pd',
            type: 'computed',
            label: 'PD',
            fn: 'populationDoublings',
            inputs: { count: 'row.n', days: 'row.day', counts: 'counts[].n' },
          },
          {
            id: 'c',
            type: 'computed',
            label: 'C',
            fn: 'concAtMultiple',
            inputs: { multiple: 'row.day', linked: 'row.src.ic50' },
          },
        ],
      },
      {
        id: 'rate',
        type: 'computed',
        label: 'Rate',
        fn: 'netGrowthRate',
        inputs: { days: 'counts[].day', counts: 'counts[first].n' },
      },
    );
    const message = rejected(t);
    expect(message).toMatch(
      /column "counts.pd", input "days" needs a table column \(table\[\]\.column\), not "row.day"/,
    );
    expect(message).toMatch(/link field "src" does not copy "ic50" from the linked block/);
    expect(message).toMatch(/field "rate", input "counts" needs a table column/);
  });

  it('checks snapshot keys against the installed target templates', () => {
    const t = base();
    t.groups[0]?.fields.push({
      id: 'model',
      type: 'link',
      label: 'Model',
      target: { kind: 'block', templateIds: ['model-record'] },
      snapshot: ['model_id', 'colour'],
    });
    expect(validateTemplate(t).ok).toBe(true); // without the targets, keys cannot be checked
    const result = validateTemplate(t, BUILTIN_TEMPLATES);
    expect(result.ok ? '' : result.message).toMatch(/snapshot key "colour" is not a field of template "model-record"/);
  });

  it('rejects JSON that is not a template at all, with the path of each issue', () => {
    expect(rejected(null)).toMatch(/^Invalid template: /);
    const t = base();
    t.id = 'Bad Id';
    (t.groups[0]?.fields[1] as Record<string, unknown>).family = 'weight';
    const message = rejected(t);
    expect(message).toMatch(/id: template ids are lower-kebab-case/);
    expect(message).toMatch(/groups\[0\]\.fields\[1\]/);
  });

  it('every registered function declares what validation needs', () => {
    for (const [name, fn] of Object.entries(COMPUTED_FUNCTIONS)) {
      expect(name).toMatch(/^[a-z][a-zA-Z0-9]{1,63}$/);
      expect(fn.description.length, name).toBeGreaterThan(10);
      for (const group of fn.oneOf ?? [])
        for (const input of group) expect(fn.inputs[input], `${name}.${input}`).toBeDefined();
    }
  });

  it('an invalid definition still evaluates: the block reports a template error instead of throwing', () => {
    const t = base();
    (t.groups[0]?.fields[4] as Record<string, unknown>).fn = 'nope';
    const e = evaluateBlock(t as never, { drug: 'x' }, { today: '2026-11-26', user: 'u' });
    expect(e.problems[0]).toMatchObject({ code: 'template_error', severity: 'block' });
    expect(e.problems[0]?.message).toMatch(/unknown function "nope"/);
    expect(e.computed.stock_mm).toMatchObject({ ok: false });
  });
});
