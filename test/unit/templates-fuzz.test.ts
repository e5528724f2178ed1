// Fuzz: thousands of random values (seeded, so a failure reproduces) thrown at
// every field and table column of every built-in template. evaluateBlock must
// never throw and must always return a well-formed evaluation; the index rows,
// labels and link targets must not throw either.
import { describe, expect, it } from 'vitest';
import type { BlockValues } from '../../shared/templates/block';
import { BUILTIN_TEMPLATES } from '../../shared/templates/builtin/index';
import type { ColumnDefinition, FieldDefinition, TemplateDefinition } from '../../shared/templates/definition';
import { evaluateBlock } from '../../shared/templates/evaluate';
import type { BlockEvaluation, ComputedValue, EvaluationEnv } from '../../shared/templates/evaluation';
import { blockLabel, indexRowsOf, linkTargetsOf } from '../../shared/templates/index-rows';
import { initialValues } from '../../shared/templates/placeholders';

/** mulberry32: a small seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UNITS = [
  'µM',
  'mM',
  'nM',
  'M',
  'mg',
  'g',
  'mL',
  'µL',
  'L',
  'mm3',
  'mm',
  'cm',
  'h',
  'd',
  'week',
  'cells',
  'cells/mL',
  'TU/mL',
  'g/mol',
  'mg/kg',
  'mg/mL',
  '%',
  'kg',
  '',
  'furlongs',
  'µ',
  '1/0',
  'mm^3',
  '°C',
  'x'.repeat(300),
];
const WORDS = [
  '',
  ' ',
  'cisplatin',
  'DMSO',
  'saline',
  'positive',
  'CVCL_1579',
  '15663-27-1',
  '2026-11-26',
  '2026-02-30',
  'NaN',
  '1e309',
  '-0',
  '12',
  '0.1',
  'platin',
  '((((',
  '\u0000',
  '💊',
  'RRID:CVCL_1579',
  'GSE1',
  '10x-3p',
  'vehicle',
  'M01',
  '96',
  '384',
];

class Gen {
  constructor(private readonly rnd: () => number) {}
  int(n: number): number {
    return Math.floor(this.rnd() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)] as T;
  }
  number(): number {
    return this.pick([
      0,
      -0,
      1,
      -1,
      0.5,
      3,
      1e6,
      1.5e4,
      -1e-9,
      1e308,
      -1e308,
      5e-324,
      NaN,
      Infinity,
      -Infinity,
      this.rnd() * 1e4 - 5e3,
      this.int(200),
    ]);
  }
  string(): string {
    const r = this.int(10);
    if (r === 0) return 'x'.repeat(this.pick([1001, 10_001, 100_000]));
    if (r === 1) return '(a'.repeat(this.int(200)) + '!';
    if (r === 2) return String.fromCharCode(...Array.from({ length: this.int(40) }, () => this.int(0xffff)));
    return this.pick(WORDS);
  }
  quantity(): unknown {
    return { value: this.number(), unit: this.pick(UNITS) };
  }
  link(depth: number): unknown {
    const snapshot: Record<string, unknown> = {};
    for (const key of [
      'drug',
      'drug_class',
      'solvent',
      'stock_mm',
      'ic50',
      'seeded_cells',
      'model_id',
      'persister_fraction',
    ]) {
      if (this.rnd() < 0.5) snapshot[key] = this.value(depth + 1);
    }
    return this.pick([
      { entryId: this.string(), label: this.string(), blockId: this.string(), templateId: this.string(), snapshot },
      { entryId: '01J', label: 'x', snapshot: this.value(depth + 1) },
      { entryId: '', label: '' },
      { label: 'no entry' },
    ]);
  }
  plate(depth: number): unknown {
    const wells: Record<string, unknown> = {};
    for (let i = 0; i < this.int(30); i += 1) {
      const id = `${this.pick(['A', 'B', 'H', 'P', 'Z'])}${this.int(26)}`;
      wells[id] =
        this.rnd() < 0.8
          ? {
              role: this.pick(['sample', 'vehicle', 'blank', 'kill', 'time0', 'empty', 'bogus']),
              dose: this.pick([0, 1, 2, 3, 4, -1, 1.5, 99]),
              reading: this.number(),
              concentration: this.rnd() < 0.3 ? this.quantity() : undefined,
            }
          : this.value(depth + 1);
    }
    return {
      format: this.pick([96, 384, 12, '96']),
      wells,
      series: this.pick([undefined, { top: this.quantity(), factor: this.pick([3, 1, 0, -2, NaN]), doses: 9 }, 'x']),
    };
  }
  rows(depth: number, columns: readonly ColumnDefinition[]): unknown {
    const n = this.pick([0, 1, 2, 3, 5]);
    return Array.from({ length: n }, () => {
      if (this.rnd() < 0.1) return this.value(depth + 1);
      const row: Record<string, unknown> =
        this.rnd() < 0.8 ? { rowId: this.pick(['r1', 'r2', '', 'r1', this.string()]) } : {};
      for (const c of columns) if (this.rnd() < 0.7) row[c.id] = this.valueFor(c, depth + 1);
      return row;
    });
  }
  /** Any value at all. */
  value(depth = 0): unknown {
    const r = this.int(depth > 2 ? 6 : 12);
    switch (r) {
      case 0:
        return undefined;
      case 1:
        return null;
      case 2:
        return this.number();
      case 3:
        return this.string();
      case 4:
        return this.rnd() < 0.5;
      case 5:
        return this.quantity();
      case 6:
        return { raw: this.string() };
      case 7:
        return Array.from({ length: this.int(4) }, () => this.value(depth + 1));
      case 8:
        return this.link(depth);
      case 9:
        return this.plate(depth);
      case 10:
        return { value: this.string(), unit: this.number() };
      default:
        return { [this.string()]: this.value(depth + 1), __proto__x: 1 };
    }
  }
  /** A value aimed at a field: often its own type (so deeper code runs), often not. */
  valueFor(field: FieldDefinition | ColumnDefinition, depth = 0): unknown {
    if (this.rnd() < 0.35) return this.value(depth);
    switch (field.type) {
      case 'number':
        return this.rnd() < 0.7
          ? { value: this.number(), unit: this.pick([field.unit, ...UNITS]) }
          : { raw: `${this.number()} ${this.pick(UNITS)}` };
      case 'integer':
      case 'decimal':
        return this.pick([this.number(), { raw: this.string() }, String(this.number())]);
      case 'enum':
        return this.pick([...field.options.map((o) => o.value), this.string()]);
      case 'multienum':
        return [this.pick(field.options).value, this.pick([this.string(), field.options[0]?.value])];
      case 'link':
        return this.rnd() < 0.5 ? this.link(depth) : [this.link(depth), this.link(depth)];
      case 'platemap':
        return this.plate(depth);
      case 'table':
        return this.rows(depth, field.columns);
      case 'date':
        return this.pick(['2026-11-26', '1900-01-01', '9999-12-31', '2026-13-01', this.string()]);
      default:
        return this.string();
    }
  }
}

const env: EvaluationEnv = { today: '2026-11-26', user: 'fuzz' };

function checkComputed(c: ComputedValue, where: string): void {
  expect(typeof c.ok, where).toBe('boolean');
  if (c.ok) {
    expect(typeof c.display, where).toBe('string');
    if (typeof c.value === 'number') expect(Number.isFinite(c.value), where).toBe(true);
  } else {
    expect(typeof c.message, where).toBe('string');
  }
}

function checkWellFormed(e: BlockEvaluation, template: TemplateDefinition): void {
  expect(Array.isArray(e.problems)).toBe(true);
  for (const p of e.problems) {
    expect(['warning', 'block']).toContain(p.severity);
    expect(typeof p.code).toBe('string');
    expect(typeof p.message).toBe('string');
    expect(p.fieldId === null || typeof p.fieldId === 'string').toBe(true);
    if (p.rowId !== undefined) expect(typeof p.rowId).toBe('string');
    if (p.columnId !== undefined) expect(typeof p.columnId).toBe('string');
  }
  expect(e.problems.length).toBeLessThanOrEqual(500);
  // The safety nets catch exceptions; for a sound template they must never be needed.
  const internal = e.problems.filter((p) => p.code === 'internal_error' || /could not be computed/.test(p.message));
  expect(internal, template.id).toEqual([]);
  expect(JSON.stringify(e.rows), template.id).not.toMatch(/could not be computed/);
  expect(e.blocking).toBe(e.problems.some((p) => p.severity === 'block'));
  for (const [id, c] of Object.entries(e.computed)) checkComputed(c, `${template.id}.${id}`);
  for (const [table, rows] of Object.entries(e.rows)) {
    for (const [rowId, cells] of Object.entries(rows)) {
      for (const [col, c] of Object.entries(cells)) checkComputed(c, `${template.id}.${table}[${rowId}].${col}`);
    }
  }
  // What crosses IPC and goes into records must be plain JSON.
  expect(() => JSON.stringify(e)).not.toThrow();
}

function fieldsOf(template: TemplateDefinition): FieldDefinition[] {
  return template.groups.flatMap((g) => g.fields).filter((f) => f.type !== 'computed');
}

describe('fuzzing evaluateBlock with random values', () => {
  const rnd = prng(0x5eed);
  const gen = new Gen(rnd);

  for (const template of BUILTIN_TEMPLATES) {
    it(`${template.code} ${template.id}: every field, every kind of garbage`, () => {
      let runs = 0;
      const start = initialValues(template, env);
      for (const field of fieldsOf(template)) {
        for (let i = 0; i < 40; i += 1) {
          const values: BlockValues = { ...start, [field.id]: gen.valueFor(field) };
          const e = evaluateBlock(template, values, env);
          checkWellFormed(e, template);
          runs += 1;
        }
      }
      // Whole random blocks, and values that are not an object at all.
      for (let i = 0; i < 150; i += 1) {
        const values: Record<string, unknown> = {};
        for (const field of fieldsOf(template)) if (rnd() < 0.6) values[field.id] = gen.valueFor(field);
        const e = evaluateBlock(template, values, env);
        checkWellFormed(e, template);
        expect(() => indexRowsOf(template, values, e)).not.toThrow();
        expect(typeof blockLabel(template, values, e)).toBe('string');
        expect(() => linkTargetsOf(template, values)).not.toThrow();
        runs += 1;
      }
      for (const junk of [null, undefined, 42, 'x', [], [1, 2], { rowId: 1 }]) {
        checkWellFormed(evaluateBlock(template, junk as unknown as BlockValues, env), template);
        runs += 1;
      }
      expect(runs).toBeGreaterThan(200);
    });
  }

  it('garbage environments and definitions do not throw either', () => {
    const template = BUILTIN_TEMPLATES[0] as TemplateDefinition;
    for (const bad of [null, {}, { today: 42 }, { today: 'yesterday', user: null }]) {
      checkWellFormed(evaluateBlock(template, { myco_date: '2026-01-01' }, bad as unknown as EvaluationEnv), template);
    }
    for (const broken of [
      null,
      {},
      { groups: 'x' },
      { id: 'x', groups: [{ fields: [null, { id: 'a', type: 'computed', fn: 'rrid', inputs: 7 }] }] },
    ]) {
      const e = evaluateBlock(broken as unknown as TemplateDefinition, {}, env);
      expect(e.blocking).toBe(true);
      expect(e.problems[0]?.code).toMatch(/template_error|internal_error/);
    }
  });
});
