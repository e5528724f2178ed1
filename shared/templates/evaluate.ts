import type { BlockValues } from './block';
import { type CompiledTemplate, type ComputeNode, compileTemplate } from './compile';
import { computedFunction } from './computed';
import { type Alert, MissingInput, type ParamValue } from './computed-args';
import type { ComputedFieldDefinition, RuleDefinition, TableFieldDefinition, TemplateDefinition } from './definition';
import type { BlockEvaluation, ComputedValue, EvaluationEnv, Problem } from './evaluation';
import { evaluateCondition } from './conditions';
import { type CheckContext, type Finding, checkValue, rangeFindings } from './field-checks';
import { parseRef } from './refs';
import { Memo } from './memo';
import { MAX_ROWS, Scope, type ScopeRow } from './scope';
import { templateIssues } from './semantics';
import { isEmptyValue, isRecord, listWords } from './values';

/**
 * evaluateBlock: everything the notebook knows about a block's values, in one
 * pure, total call. It checks every value against its field, computes the
 * computed fields and columns (in dependency order), applies the cross-field
 * rules, and reports problems with the field, row, column or rule they are
 * about. Whatever is stored in `values` (wrong types, raw text, huge strings,
 * garbage) it returns a well-formed evaluation and never throws; values of
 * unknown field ids are left alone. The same function runs in the editor on
 * every keystroke, in the core when it indexes, and in the PDF.
 */

/** At most this many problems are listed; the rest are summarised in one. */
const MAX_PROBLEMS = 500;

interface Prepared {
  readonly compiled: CompiledTemplate;
  readonly issues: readonly string[];
}

const prepared = new WeakMap<object, Prepared>();

function prepare(template: TemplateDefinition): Prepared {
  const hit = prepared.get(template);
  if (hit) return hit;
  const compiled = compileTemplate(template);
  let issues: string[];
  try {
    issues = templateIssues(template);
  } catch {
    issues = ['the definition could not be read'];
  }
  const result = { compiled, issues };
  prepared.set(template, result);
  return result;
}

interface Place {
  fieldId: string | null;
  rowId?: string;
  columnId?: string;
}

class Collector {
  readonly problems: Problem[] = [];
  add(finding: Finding, place: Place, extra: Partial<Problem> = {}): void {
    const problem: Problem = { ...finding, fieldId: place.fieldId, ...extra };
    if (place.rowId !== undefined) problem.rowId = place.rowId;
    if (place.columnId !== undefined) problem.columnId = place.columnId;
    this.problems.push(problem);
  }
}

function checkTable(table: TableFieldDefinition, scope: Scope, ctx: CheckContext, out: Collector): void {
  const raw = scope.values[table.id];
  if (!isEmptyValue(raw) && !Array.isArray(raw)) {
    out.add(
      { severity: 'block', code: 'wrong_type', message: `${table.label} must be a table of rows.` },
      { fieldId: table.id },
    );
    return;
  }
  const rows = scope.rows(table.id);
  const count = Array.isArray(raw) ? raw.length : 0;
  if (table.required && rows.length === 0) {
    out.add(
      { severity: 'block', code: 'required', message: `${table.label} needs at least one row.` },
      { fieldId: table.id },
    );
  }
  if (table.minRows !== undefined && count > 0 && count < table.minRows) {
    out.add(
      {
        severity: 'block',
        code: 'too_few_rows',
        message: `${table.label} needs at least ${table.minRows} rows; it has ${count}.`,
      },
      { fieldId: table.id },
    );
  }
  const maxRows = Math.min(table.maxRows ?? MAX_ROWS, MAX_ROWS);
  if (count > maxRows) {
    out.add(
      {
        severity: 'block',
        code: 'too_many_rows',
        message: `${table.label} may have at most ${maxRows} rows; it has ${count}.`,
      },
      { fieldId: table.id },
    );
  }
  for (const row of rows) {
    for (const column of table.columns) {
      if (column.type === 'computed') continue;
      for (const finding of checkValue(column, row.cells[column.id], ctx)) {
        out.add(finding, { fieldId: table.id, rowId: row.rowId, columnId: column.id });
      }
    }
  }
}

function checkFields(scope: Scope, ctx: CheckContext, out: Collector): void {
  for (const field of scope.compiled.fields) {
    if (field.type === 'computed') continue;
    if (field.type === 'table') {
      checkTable(field, scope, ctx, out);
      continue;
    }
    const format =
      field.type === 'platemap' && typeof field.format === 'string' ? scope.values[field.format] : undefined;
    for (const finding of checkValue(field, scope.values[field.id], ctx, format))
      out.add(finding, { fieldId: field.id });
  }
}

/** The label of what an input's reference points at, for "needs …". */
function inputLabel(compiled: CompiledTemplate, ref: unknown, fallback: string, tableId?: string): string {
  const parsed = typeof ref === 'string' ? parseRef(ref) : null;
  if (!parsed) return fallback;
  if (parsed.kind === 'field') return compiled.byId.get(parsed.field)?.label ?? fallback;
  const table = parsed.kind === 'row' ? tableId : parsed.table;
  return (table !== undefined && compiled.tables.get(table)?.columns.get(parsed.column)?.label) || fallback;
}

interface Computation {
  value: ComputedValue;
  alerts: readonly Alert[];
}

/**
 * Results of computed values with small scalar inputs, by function and
 * inputs: the shared/calc formulas convert units with decimal arithmetic,
 * and a block re-evaluated on each keystroke asks for the same results again
 * and again. Column inputs (lists) are not cached here: the functions that
 * take them memoise per column themselves, and fits have their own cache.
 */
const RESULTS = new Memo<Computation>(1000);
const MAX_KEY = 2000;

function memoKey(
  field: ComputedFieldDefinition,
  inputs: Record<string, unknown>,
  params: Record<string, ParamValue>,
  env: EvaluationEnv,
): string | null {
  for (const value of Object.values(inputs)) if (Array.isArray(value)) return null;
  let key: string;
  try {
    key = `${field.fn}|${field.unit ?? ''}|${field.digits ?? ''}|${String(env.today)}|${JSON.stringify(params)}|${JSON.stringify(inputs)}`;
  } catch {
    return null; // not plain JSON: computed without the cache
  }
  return key.length > MAX_KEY ? null : key;
}

function compute(
  field: ComputedFieldDefinition,
  scope: Scope,
  env: EvaluationEnv,
  row?: { tableId: string; row: ScopeRow },
): Computation {
  const fn = computedFunction(field.fn);
  if (!fn) return { value: { ok: false, message: `No calculation named '${field.fn}'.` }, alerts: [] };
  const bindings = isRecord(field.inputs) ? field.inputs : {};
  const inputs: Record<string, unknown> = {};
  for (const [name, ref] of Object.entries(bindings)) {
    if (typeof ref === 'string') inputs[name] = scope.resolve(ref, row);
  }
  const label = (name: string): string =>
    inputLabel(scope.compiled, bindings[name], fn.inputs[name]?.label ?? name, row?.tableId);
  const missing: string[] = [];
  for (const [name, spec] of Object.entries(fn.inputs)) {
    if (!spec.optional && isEmptyValue(inputs[name])) missing.push(label(name));
  }
  for (const group of fn.oneOf ?? []) {
    if (group.every((name) => isEmptyValue(inputs[name]))) {
      missing.push(label(group.find((name) => name in bindings) ?? group[0] ?? ''));
    }
  }
  if (missing.length > 0) {
    return { value: { ok: false, missing: true, message: `needs ${listWords(missing)}` }, alerts: [] };
  }
  const params: Record<string, ParamValue> = {};
  for (const [name, spec] of Object.entries(fn.params ?? {}))
    if (spec.default !== undefined) params[name] = spec.default;
  if (isRecord(field.params)) Object.assign(params, field.params);
  const run = (): Computation => {
    const outcome = fn.run({ inputs, params, unit: field.unit, digits: field.digits, env });
    return { value: outcome.value, alerts: outcome.alerts ?? [] };
  };
  try {
    const key = memoKey(field, inputs, params, env);
    if (key === null) return run();
    const hit = RESULTS.get(key, run);
    return { value: { ...hit.value }, alerts: hit.alerts };
  } catch (e) {
    if (e instanceof MissingInput) {
      return { value: { ok: false, missing: true, message: `needs a valid ${label(e.input)}` }, alerts: [] };
    }
    return { value: { ok: false, message: 'could not be computed from these values.' }, alerts: [] };
  }
}

function report(field: ComputedFieldDefinition, result: Computation, place: Place, out: Collector): void {
  const { value } = result;
  if (value.ok) {
    if (typeof value.value === 'number' && (field.warn || field.block)) {
      for (const finding of rangeFindings(field.label, value.value, field.unit ?? '', {
        warn: field.warn,
        block: field.block,
      })) {
        out.add(finding, place);
      }
    }
  } else if (!value.missing) {
    out.add({ severity: 'warning', code: 'computed', message: `${field.label}: ${value.message}` }, place);
  }
  for (const alert of result.alerts) out.add(alert, place);
}

function computeAll(scope: Scope, env: EvaluationEnv, out: Collector): void {
  for (const table of scope.compiled.tables.keys()) scope.rowResults[table] = {};
  const run = (node: ComputeNode, cyclic: boolean): void => {
    if (node.kind === 'field') {
      const result: Computation = cyclic
        ? { value: { ok: false, message: 'depends on itself' }, alerts: [] }
        : compute(node.field, scope, env);
      scope.computed[node.field.id] = result.value;
      if (!cyclic) report(node.field, result, { fieldId: node.field.id }, out);
      return;
    }
    const tableId = node.table.id;
    const results = scope.rowResults[tableId] ?? (scope.rowResults[tableId] = {});
    for (const row of scope.rows(tableId)) {
      const cells = results[row.rowId] ?? (results[row.rowId] = {});
      const result: Computation = cyclic
        ? { value: { ok: false, message: 'depends on itself' }, alerts: [] }
        : compute(node.column, scope, env, { tableId, row });
      cells[node.column.id] = result.value;
      if (!cyclic) report(node.column, result, { fieldId: tableId, rowId: row.rowId, columnId: node.column.id }, out);
    }
  };
  for (const node of scope.compiled.order) {
    run(node, false);
    scope.clearColumns();
  }
  for (const node of scope.compiled.cyclic) run(node, true);
  scope.clearColumns();
}

function applyRule(rule: RuleDefinition, scope: Scope, out: Collector): void {
  const finding: Finding = { severity: rule.severity, code: 'rule', message: rule.message };
  const fields = Array.isArray(rule.fields) ? rule.fields : [];
  if (rule.forEachRow !== undefined) {
    const tableId = rule.forEachRow;
    const columns = scope.compiled.tables.get(tableId)?.columns;
    if (!columns) return;
    const columnId = fields.find((f) => columns.has(f));
    for (const row of scope.rows(tableId)) {
      if (!evaluateCondition(rule.when, (ref) => scope.resolve(ref, { tableId, row }))) continue;
      const place: Place = { fieldId: tableId, rowId: row.rowId };
      if (columnId !== undefined) place.columnId = columnId;
      out.add(finding, place, { ruleId: rule.id, fields: [...fields] });
    }
    return;
  }
  if (evaluateCondition(rule.when, (ref) => scope.resolve(ref))) {
    out.add(
      finding,
      { fieldId: fields[0] ?? null },
      fields.length > 0 ? { ruleId: rule.id, fields: [...fields] } : { ruleId: rule.id },
    );
  }
}

function run(template: TemplateDefinition, values: BlockValues, env: EvaluationEnv, out: Collector): Scope | null {
  if (!isRecord(template) || !Array.isArray(template.groups)) {
    out.add(
      { severity: 'block', code: 'template_error', message: 'The template of this block cannot be read.' },
      { fieldId: null },
    );
    return null;
  }
  const { compiled, issues } = prepare(template);
  if (issues.length > 0) {
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    out.add(
      {
        severity: 'block',
        code: 'template_error',
        message: `The template "${String(template.name)}" has an error: ${issues[0]}${more}.`,
      },
      { fieldId: null },
    );
  }
  const scope = new Scope(compiled, isRecord(values) ? values : {});
  const safeEnv: EvaluationEnv = isRecord(env) ? env : { today: '', user: '' };
  const ctx: CheckContext = { templateId: String(template.id), isTaken: safeEnv.isTaken };
  checkFields(scope, ctx, out);
  computeAll(scope, safeEnv, out);
  for (const rule of Array.isArray(template.rules) ? template.rules : []) {
    if (isRecord(rule)) applyRule(rule, scope, out);
  }
  return scope;
}

/** Checks and computes a block (see the file comment). Pure and total. */
export function evaluateBlock(template: TemplateDefinition, values: BlockValues, env: EvaluationEnv): BlockEvaluation {
  const out = new Collector();
  let scope: Scope | null = null;
  try {
    scope = run(template, values, env, out);
  } catch (e) {
    out.add(
      {
        severity: 'block',
        code: 'internal_error',
        message: `The block could not be checked (${(e as Error)?.message ?? 'unknown error'}).`,
      },
      { fieldId: null },
    );
  }
  let problems = out.problems;
  const blocking = problems.some((p) => p.severity === 'block');
  if (problems.length > MAX_PROBLEMS) {
    const omitted = problems.slice(MAX_PROBLEMS - 1);
    problems = problems.slice(0, MAX_PROBLEMS - 1);
    problems.push({
      severity: omitted.some((p) => p.severity === 'block') ? 'block' : 'warning',
      code: 'too_many_problems',
      message: `${omitted.length} more problems are not listed.`,
      fieldId: null,
    });
  }
  return { computed: scope?.computed ?? {}, rows: scope?.rowResults ?? {}, problems, blocking };
}
