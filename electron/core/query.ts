import { PersistError } from '../../shared/ipc/errors';
import { fieldMatches, parseQuery } from '../../shared/query/index';
import type { Comparison, ParsedQuery, QueryNode, TemplateRef } from '../../shared/query/index';
import type { QueryHit } from '../../shared/templates/summaries';
import { formatNumber, formatUnit } from '../../shared/units/format';
import type { CoreContext } from './context';
import { engine } from './engine';
import { allDefinitions } from './templates';

/**
 * The structured query executor (language: shared/query, docs/QUERY.md).
 *
 * A query is compiled to parameterised SQL over `block_values` (values are
 * always bound, never spliced into the SQL; field names and template ids are
 * resolved against what is indexed and bound too). Each comparison becomes a
 * "leaf": the index rows that satisfy it. Conditions joined by `and` must
 * hold in the same block; `or` and `not` combine blocks.
 *
 * Two plans, chosen per query from capped row counts of each leaf:
 * - set plan: collect the matching block ids from the value indexes (the
 *   most selective leaf drives, the others are checked per block), newest
 *   first. Best when few blocks match.
 * - scan plan: walk blocks newest first and check each against the whole
 *   condition, stopping after `limit` hits. Best when many blocks match (a
 *   set would have to be collected and sorted in full first).
 * Both then drop blocks of trashed entries and fetch titles for the page.
 */

export const DEFAULT_QUERY_LIMIT = 100;
/** Index rows counted per leaf to estimate how many blocks it matches (counting a covering index is cheap). */
const ESTIMATE_CAP = 20_000;
const NON_SEEKABLE_CAP = 2000;

// Costs in µs, measured on the benchmark profile of 100,000 blocks (docs/PERFORMANCE.md).
/** Collecting one block id from a value index into a sorted or compound set. */
const COST_SET_ROW = 0.5;
/** Stepping to the next block of the newest-first scan. */
const COST_CANDIDATE = 0.3;
/** One index seek of a probe (an EXISTS on the block's own rows): one per field path probed. */
const COST_SEEK = 1;
/** A correlated probe from a driver row of a set, besides its seeks. */
const COST_DRIVER_PROBE = 2;
/** Blocks looked at by the first round of a scan before the plan is reconsidered. */
const FIRST_SCAN_BUDGET = 3000;

interface Probe {
  fields: string[];
  column: 'num' | 'text';
  /** SQL over alias v (after the field test), and its parameters. */
  sql: string;
  params: unknown[];
  test: (row: ValueRow) => boolean;
}

interface Leaf {
  kind: 'leaf';
  cmp: Comparison;
  probes: Probe[];
  /** Index rows matching, counted up to ESTIMATE_CAP. */
  estimate: number;
  /** The templates that have indexed values of the probed fields: only their blocks can match. */
  templates: Set<string>;
}

type Plan = Leaf | { kind: 'and' | 'or'; items: Plan[] } | { kind: 'not'; item: Plan };

interface ValueRow {
  block_id: string;
  field: string;
  row_id: string | null;
  num: number | null;
  text: string | null;
  unit: string | null;
}

interface FieldInfo {
  field: string;
  template_id: string;
  kind: 'num' | 'text';
  unit: string;
}

interface Sql {
  sql: string;
  params: unknown[];
}

function invalid(message: string): PersistError {
  return new PersistError('invalid_input', message);
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Resolves `in T4, drug-holiday, "Persister induction"` to template ids. */
function resolveTemplates(ctx: CoreContext, refs: readonly TemplateRef[]): string[] | null {
  if (refs.length === 0) return null;
  const rows = ctx.db.prepare('SELECT DISTINCT id, name, code FROM templates').all() as Array<{
    id: string;
    name: string;
    code: string | null;
  }>;
  const ids = new Set<string>();
  for (const ref of refs) {
    const want = ref.name.toLowerCase();
    const match = rows.filter(
      (r) => r.id.toLowerCase() === want || r.code?.toLowerCase() === want || r.name.toLowerCase() === want,
    );
    if (match.length === 0) {
      const known = [...new Set(rows.map((r) => (r.code ? `${r.id} (${r.code})` : r.id)))].slice(0, 12).join(', ');
      throw invalid(
        `unknown template '${ref.name.slice(0, 64)}' at column ${ref.column}${known ? `; installed: ${known}` : ''}`,
      );
    }
    for (const r of match) ids.add(r.id);
  }
  return [...ids];
}

/** Field paths a template declares (field ids, table.column), to tell "unknown" from "nothing indexed yet". */
function declaredPaths(ctx: CoreContext, scope: string[] | null): Set<string> {
  const paths = new Set<string>();
  for (const template of allDefinitions(ctx)) {
    if (scope && !scope.includes(template.id)) continue;
    for (const group of template.groups ?? []) {
      for (const field of group.fields ?? []) {
        paths.add(field.id);
        if (field.type === 'table') for (const column of field.columns) paths.add(`${field.id}.${column.id}`);
      }
    }
  }
  return paths;
}

function suggestion(name: string, paths: Iterable<string>): string {
  const bare = name.split('.').pop() as string;
  const candidates = new Set<string>();
  for (const path of paths) {
    const last = path.split('.').pop() as string;
    if (last.includes(bare) || bare.includes(last) || distance(last, bare) <= 2) candidates.add(last);
  }
  const list = [...candidates].slice(0, 3);
  return list.length > 0 ? ` (did you mean ${list.join(', ')}?)` : '';
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** a OP b for the ordering operators, on numbers or on (lower-cased) text alike. */
function ordered<T extends number | string>(a: T, op: Comparison['op'], b: T): boolean {
  if (op === '<') return a < b;
  if (op === '<=') return a <= b;
  if (op === '>') return a > b;
  return a >= b;
}

const NUM_OPS: Record<Comparison['op'], string> = {
  '=': '',
  '!=': '',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  '~': '',
};

function numericProbe(fields: string[], op: Comparison['op'], x: number): Probe {
  if (op === '=' || op === '!=') {
    // Canonical values come from exact decimal conversions; allow for float rounding only.
    const eps = 1e-9 * Math.max(1, Math.abs(x));
    const lo = x - eps;
    const hi = x + eps;
    return op === '='
      ? {
          fields,
          column: 'num',
          sql: 'v.num BETWEEN ? AND ?',
          params: [lo, hi],
          test: (r) => r.num !== null && r.num >= lo && r.num <= hi,
        }
      : {
          fields,
          column: 'num',
          sql: '(v.num < ? OR v.num > ?)',
          params: [lo, hi],
          test: (r) => r.num !== null && (r.num < lo || r.num > hi),
        };
  }
  const test = (r: ValueRow): boolean => r.num !== null && ordered(r.num, op, x);
  return { fields, column: 'num', sql: `v.num ${NUM_OPS[op]} ?`, params: [x], test };
}

function textProbe(fields: string[], op: Comparison['op'], value: string): Probe {
  const t = value.trim().toLowerCase();
  switch (op) {
    case '=':
      return { fields, column: 'text', sql: 'v.text = ?', params: [t], test: (r) => r.text === t };
    case '!=':
      return { fields, column: 'text', sql: 'v.text <> ?', params: [t], test: (r) => r.text !== null && r.text !== t };
    case '~':
      return {
        fields,
        column: 'text',
        sql: 'instr(v.text, ?) > 0',
        params: [t],
        test: (r) => r.text !== null && r.text.includes(t),
      };
    default: {
      const test = (r: ValueRow): boolean => r.text !== null && ordered(r.text, op, t);
      return { fields, column: 'text', sql: `v.text ${NUM_OPS[op]} ?`, params: [t], test };
    }
  }
}

/** What a unit measures, for messages: "µM (a molar concentration)". */
function unitPhrase(unit: string): string {
  const noun = engine().units.describeUnit(unit);
  return noun ? `${formatUnit(unit)} (${noun})` : formatUnit(unit);
}

/** Turns one comparison into index probes, checking units against the fields it names. */
function compileComparison(cmp: Comparison, catalogue: FieldInfo[], declared: Set<string>): Probe[] {
  const matching = catalogue.filter((f) => fieldMatches(cmp.field, f.field));
  const where = `at column ${cmp.fieldColumn}`;
  if (matching.length === 0) {
    const known = [...declared].some((p) => fieldMatches(cmp.field, p));
    if (known) return []; // a field of an installed template that nothing has filled in yet
    const all = new Set([...catalogue.map((f) => f.field), ...declared]);
    throw invalid(`unknown field '${cmp.field}' ${where}${suggestion(cmp.field, all)}`);
  }
  const numeric = matching.filter((f) => f.kind === 'num');
  const textual = [...new Set(matching.filter((f) => f.kind === 'text').map((f) => f.field))];
  const value = cmp.value;
  const probes: Probe[] = [];

  if (cmp.op === '~') {
    if (textual.length === 0) {
      throw invalid(`'~' searches text, and '${cmp.field}' ${where} holds numbers; compare it with =, <, >= …`);
    }
    const needle = value.kind === 'text' ? value.value : value.text;
    return [textProbe(textual, '~', needle)];
  }

  if (value.kind === 'text') {
    if (textual.length === 0) {
      const unit = numeric.find((f) => f.unit !== '')?.unit;
      throw invalid(
        `'${cmp.field}' ${where} holds numbers${unit ? ` in ${unitPhrase(unit)}` : ''}, and '${value.value.slice(0, 40)}' at column ${cmp.valueColumn} is not a number`,
      );
    }
    return [textProbe(textual, cmp.op, value.value)];
  }

  // A number, with or without a unit.
  const units = engine().units;
  let queryUnit: string | null = null;
  let unitProblem: string | null = null;
  if (value.unit !== null) {
    const parsed = units.parseUnit(value.unit);
    if (parsed.ok) queryUnit = parsed.unit;
    else unitProblem = `unknown unit '${value.unit.slice(0, 40)}' at column ${value.unitColumn ?? cmp.valueColumn}`;
  }
  const byUnit = new Map<string, string[]>();
  for (const f of numeric) {
    const list = byUnit.get(f.unit) ?? [];
    if (!list.includes(f.field)) list.push(f.field);
    byUnit.set(f.unit, list);
  }
  const refusals: string[] = [];
  const valueAt = `'${value.text}' at column ${cmp.valueColumn}`;
  for (const [unit, fields] of byUnit) {
    if (unitProblem) break;
    let x: number | null = null;
    if (unit === '') {
      if (queryUnit === null) x = value.value;
      else refusals.push(`'${cmp.field}' is a plain number without a unit: drop the unit of ${valueAt}`);
    } else if (queryUnit === null) {
      if (unit === '%') x = value.value;
      else {
        refusals.push(
          `'${cmp.field}' is measured in ${unitPhrase(unit)}: give ${valueAt} a unit, e.g. ${cmp.field} ${cmp.op} ${value.text} ${formatUnit(unit)}`,
        );
      }
    } else {
      x = units.convert(value.value, queryUnit, unit);
      if (x === null) {
        const noun = units.describeUnit(queryUnit);
        refusals.push(
          `${valueAt} is ${noun ?? `in ${queryUnit}`}, but '${cmp.field}' is measured in ${unitPhrase(unit)}`,
        );
      }
    }
    if (x !== null) probes.push(numericProbe(fields, cmp.op, x));
  }
  // "lot = 24A118", "model_id = 4T1": a number-looking word compared as text.
  if ((cmp.op === '=' || cmp.op === '!=') && textual.length > 0 && (probes.length === 0 || value.unit === null)) {
    probes.push(textProbe(textual, cmp.op, value.text));
    return probes;
  }
  if (probes.length > 0) return probes;
  if (unitProblem) throw invalid(unitProblem);
  if (refusals.length > 0) throw invalid(refusals[0] as string);
  throw invalid(`'${cmp.field}' ${where} holds text, not numbers; '${cmp.op}' needs a field with numbers`);
}

function fieldTest(probe: Probe): Sql {
  return {
    sql: `v.field IN (${placeholders(probe.fields.length)}) AND v.${probe.column} IS NOT NULL AND ${probe.sql}`,
    params: [...probe.fields, ...probe.params],
  };
}

/** The block ids of one probe from a covering value index, scoped and below the boundary. */
function probeSet(probe: Probe, scope: string[] | null, below: string | null): Sql {
  const test = fieldTest(probe);
  const params: unknown[] = [];
  let sql: string;
  if (scope) {
    const index = probe.column === 'num' ? 'block_values_by_template_num' : 'block_values_by_template_text';
    sql = `SELECT v.block_id FROM block_values v INDEXED BY ${index}
           WHERE v.template_id IN (${placeholders(scope.length)}) AND ${test.sql}`;
    params.push(...scope, ...test.params);
  } else {
    const index = probe.column === 'num' ? 'block_values_by_num' : 'block_values_by_text';
    sql = `SELECT v.block_id FROM block_values v INDEXED BY ${index} WHERE ${test.sql}`;
    params.push(...test.params);
  }
  if (below !== null) {
    sql += ' AND v.block_id < ?';
    params.push(below);
  }
  return { sql, params };
}

function leafSet(leaf: Leaf, scope: string[] | null, below: string | null): Sql {
  if (leaf.probes.length === 0) return { sql: 'SELECT block_id FROM blocks WHERE 0', params: [] };
  const parts = leaf.probes.map((p) => probeSet(p, scope, below));
  return { sql: parts.map((p) => p.sql).join(' UNION ALL '), params: parts.flatMap((p) => p.params) };
}

/**
 * The templates whose blocks can satisfy the plan (null: any): a comparison can
 * only hold in a block of a template that has indexed values of its fields.
 */
function impliedTemplates(plan: Plan): Set<string> | null {
  if (plan.kind === 'leaf') return plan.templates;
  if (plan.kind === 'not') return null;
  const parts = plan.items.map(impliedTemplates);
  if (plan.kind === 'or') {
    if (parts.some((p) => p === null)) return null;
    return new Set(parts.flatMap((p) => [...(p as Set<string>)]));
  }
  const known = parts.filter((p): p is Set<string> => p !== null);
  if (known.length === 0) return null;
  return new Set([...(known[0] as Set<string>)].filter((t) => known.every((p) => p.has(t))));
}

/** SQL that is true when the block `blockExpr` satisfies the plan (EXISTS probes on the block's own rows). */
function predicate(plan: Plan, blockExpr: string): Sql {
  if (plan.kind === 'leaf') {
    if (plan.probes.length === 0) return { sql: '0', params: [] };
    const tests = plan.probes.map(fieldTest);
    return {
      sql: `EXISTS (SELECT 1 FROM block_values v INDEXED BY block_values_by_block WHERE v.block_id = ${blockExpr} AND (${tests
        .map((t) => `(${t.sql})`)
        .join(' OR ')}))`,
      params: tests.flatMap((t) => t.params),
    };
  }
  if (plan.kind === 'not') {
    const inner = predicate(plan.item, blockExpr);
    return { sql: `(NOT ${inner.sql})`, params: inner.params };
  }
  // SQLite tests the terms in order: put first the one most likely to decide (the rarest for
  // 'and', the commonest for 'or'), so most blocks cost one probe.
  const items = [...plan.items].sort((a, b) => (plan.kind === 'and' ? rarity(a) - rarity(b) : rarity(b) - rarity(a)));
  const parts = items.map((p) => predicate(p, blockExpr));
  return {
    sql: `(${parts.map((p) => p.sql).join(plan.kind === 'and' ? ' AND ' : ' OR ')})`,
    params: parts.flatMap((p) => p.params),
  };
}

/** Index seeks to test a part of the plan on one block (one per field path probed). */
function seeks(plan: Plan): number {
  if (plan.kind === 'leaf') return plan.probes.reduce((a, p) => a + p.fields.length, 0);
  if (plan.kind === 'not') return seeks(plan.item);
  return plan.items.reduce((a, p) => a + seeks(p), 0);
}

/** µs to test one block of a scan: the first probe of an 'and' decides most blocks. */
function candidateCost(plan: Plan): number {
  if (plan.kind === 'and') {
    const first = [...plan.items].sort((a, b) => rarity(a) - rarity(b))[0] as Plan;
    return COST_CANDIDATE + seeks(first) * COST_SEEK;
  }
  return COST_CANDIDATE + seeks(plan) * COST_SEEK;
}

/** How many rows a part of the plan matches, for ordering probes (not for cost). */
function rarity(plan: Plan): number {
  if (plan.kind === 'leaf') return plan.estimate;
  if (plan.kind === 'not') return ESTIMATE_CAP * 10 - rarity(plan.item);
  const parts = plan.items.map(rarity);
  return plan.kind === 'and' ? Math.min(...parts) : parts.reduce((a, b) => a + b, 0);
}

// ---- estimates --------------------------------------------------------------------------------

/** Index rows of a leaf, counted up to the cap (a lower bound when it reaches it). */
function estimateLeaf(ctx: CoreContext, leaf: Leaf, scope: string[] | null): number {
  if (leaf.probes.length === 0) return 0;
  const set = leafSet(leaf, scope, null);
  // '~' and '!=' cannot seek in an index: counting them reads every row of their fields
  // unless matches are common, so a smaller count decides "common" sooner.
  const seekable = leaf.cmp.op !== '~' && leaf.cmp.op !== '!=';
  const cap = seekable ? ESTIMATE_CAP : NON_SEEKABLE_CAP;
  const row = ctx.db.prepare(`SELECT count(*) AS n FROM (${set.sql} LIMIT ${cap})`).get(...set.params) as { n: number };
  // A capped count is a lower bound: take it as the cap of the seekable kind.
  return !seekable && row.n >= cap ? ESTIMATE_CAP : row.n;
}

/** Expected matching blocks, conditions taken as independent. */
function expected(plan: Plan, total: number): number {
  if (plan.kind === 'leaf') return Math.min(total, plan.estimate);
  if (plan.kind === 'not') return Math.max(0, total - expected(plan.item, total));
  const parts = plan.items.map((p) => expected(p, total));
  if (plan.kind === 'or')
    return Math.min(
      total,
      parts.reduce((a, b) => a + b, 0),
    );
  return parts.reduce((acc, n) => (acc * n) / Math.max(1, total), total);
}

/** Blocks per template, for estimates; refreshed at most every 30 s (estimates need not be exact). */
const counts = new WeakMap<object, { at: number; byTemplate: Map<string, number>; total: number }>();
const COUNTS_TTL_MS = 30_000;

function blockCount(ctx: CoreContext, scope: string[] | null): number {
  let entry = counts.get(ctx.db);
  if (!entry || Date.now() - entry.at > COUNTS_TTL_MS) {
    const rows = ctx.db.prepare('SELECT template_id, count(*) AS n FROM blocks GROUP BY template_id').all() as Array<{
      template_id: string;
      n: number;
    }>;
    entry = {
      at: Date.now(),
      byTemplate: new Map(rows.map((r) => [r.template_id, r.n])),
      total: rows.reduce((a, r) => a + r.n, 0),
    };
    counts.set(ctx.db, entry);
  }
  const byTemplate = entry.byTemplate;
  return scope ? scope.reduce((a, id) => a + (byTemplate.get(id) ?? 0), 0) : entry.total;
}

// ---- the set plan: compound SELECTs over covering value indexes --------------------------------

interface SetPlan {
  sql: string;
  params: unknown[];
  /** Estimated µs to build the set. */
  cost: number;
}

/** The plan's blocks as one SELECT of block ids (below `below`), or null for a bare 'not' that has no set. */
function setOf(plan: Plan, scope: string[] | null, below: string | null, total: number): SetPlan | null {
  if (plan.kind === 'leaf') {
    const s = leafSet(plan, scope, below);
    return { ...s, cost: plan.estimate * COST_SET_ROW };
  }
  if (plan.kind === 'not') return null;
  if (plan.kind === 'or') {
    const parts: SetPlan[] = [];
    for (const item of plan.items) {
      const part = setOf(item, scope, below, total);
      if (!part) return null;
      parts.push(part);
    }
    return {
      sql: parts.map((p) => `SELECT block_id FROM (${p.sql})`).join(' UNION '),
      params: parts.flatMap((p) => p.params),
      cost: parts.reduce((a, p) => a + p.cost, 0),
    };
  }
  // and: positive parts are intersected; 'not' parts are subtracted.
  const positive = plan.items.filter((p) => p.kind !== 'not');
  const negative = plan.items.filter((p): p is Extract<Plan, { kind: 'not' }> => p.kind === 'not');
  const usable: Array<{ plan: Plan; set: SetPlan }> = [];
  for (const p of positive) {
    const set = setOf(p, scope, below, total);
    if (set) usable.push({ plan: p, set });
  }
  if (usable.length === 0) return null;
  // Either drive from the smallest part and probe the others per block, or intersect every part.
  const driver = usable.reduce((a, b) => (expected(a.plan, total) <= expected(b.plan, total) ? a : b));
  const others = plan.items.filter((p) => p !== driver.plan);
  const driverRows = expected(driver.plan, total);
  const probeCost =
    driver.set.cost + driverRows * others.reduce((a, p) => a + COST_DRIVER_PROBE + seeks(p) * COST_SEEK, 0);
  const negativeSets = negative.map((n) => setOf(n.item, scope, below, total));
  const compoundPossible = usable.length === positive.length && negativeSets.every((x) => x !== null);
  const compoundCost = compoundPossible
    ? usable.reduce((a, x) => a + x.set.cost, 0) + negativeSets.reduce((a, x) => a + (x as SetPlan).cost, 0)
    : Number.POSITIVE_INFINITY;
  if (compoundCost <= probeCost) {
    const parts = [
      ...usable.map((x) => ({ op: usable.indexOf(x) === 0 ? '' : ' INTERSECT ', set: x.set })),
      ...negativeSets.map((x) => ({ op: ' EXCEPT ', set: x as SetPlan })),
    ];
    return {
      sql: parts.map((p) => `${p.op}SELECT block_id FROM (${p.set.sql})`).join(''),
      params: parts.flatMap((p) => p.set.params),
      cost: compoundCost,
    };
  }
  const checks = predicate({ kind: 'and', items: others }, 'd.block_id');
  return {
    sql: `SELECT d.block_id FROM (${driver.set.sql}) d WHERE ${checks.sql}`,
    params: [...driver.set.params, ...checks.params],
    cost: probeCost,
  };
}

// ---- running --------------------------------------------------------------------------------

function collectLeaves(plan: Plan, positive: boolean, out: Leaf[]): void {
  if (plan.kind === 'leaf') {
    if (positive) out.push(plan);
  } else if (plan.kind === 'not') collectLeaves(plan.item, !positive, out);
  else for (const item of plan.items) collectLeaves(item, positive, out);
}

function allLeaves(plan: Plan, out: Leaf[] = []): Leaf[] {
  if (plan.kind === 'leaf') out.push(plan);
  else if (plan.kind === 'not') allLeaves(plan.item, out);
  else plan.items.forEach((p) => allLeaves(p, out));
  return out;
}

function buildPlan(node: QueryNode, catalogue: FieldInfo[], declared: Set<string>): Plan {
  switch (node.kind) {
    case 'compare': {
      const probes = compileComparison(node, catalogue, declared);
      const templates = new Set(
        catalogue
          .filter((f) => probes.some((p) => p.column === f.kind && p.fields.includes(f.field)))
          .map((f) => f.template_id),
      );
      return { kind: 'leaf', cmp: node, probes, estimate: 0, templates };
    }
    case 'not':
      return { kind: 'not', item: buildPlan(node.item, catalogue, declared) };
    default:
      return { kind: node.kind, items: node.items.map((n) => buildPlan(n, catalogue, declared)) };
  }
}

/** Drops the field paths no template of the scope has: fewer index seeks per probe. */
function narrowProbes(plan: Plan, catalogue: FieldInfo[], scope: string[]): void {
  for (const leaf of allLeaves(plan)) {
    leaf.probes = leaf.probes
      .map((p) => ({
        ...p,
        fields: p.fields.filter((f) =>
          catalogue.some((c) => c.field === f && c.kind === p.column && scope.includes(c.template_id)),
        ),
      }))
      .filter((p) => p.fields.length > 0);
  }
}

/** One statement the executor ran, for the benchmark's raw-SQL comparison and for tests. */
export interface QueryStep {
  sql: string;
  params: unknown[];
}

export interface QueryOptions {
  /** Force a plan (tests compare both). */
  force?: 'set' | 'scan';
  /** When given, every id-finding statement run is appended here. */
  trace?: QueryStep[];
}

export interface CompiledQuery {
  scope: string[] | null;
  plan: Plan | null;
  /** Leaves not under a 'not': their matched values are shown. */
  leaves: Leaf[];
  total: number;
  strategy: 'set' | 'scan' | 'all';
}

/** Parses and compiles a query; throws invalid_input with the position of the problem. */
export function compileQuery(
  ctx: CoreContext,
  expr: string,
  limit = DEFAULT_QUERY_LIMIT,
  force?: 'set' | 'scan',
): CompiledQuery {
  const parsed = parseQuery(expr);
  if (!parsed.ok) throw invalid(parsed.error.message);
  return compileParsed(ctx, parsed.query, limit, force);
}

function compileParsed(ctx: CoreContext, query: ParsedQuery, limit: number, force?: 'set' | 'scan'): CompiledQuery {
  const explicit = resolveTemplates(ctx, query.templates);
  if (!query.where)
    return { scope: explicit, plan: null, leaves: [], total: blockCount(ctx, explicit), strategy: 'all' };
  const catalogue = (
    ctx.db.prepare('SELECT field, template_id, kind, unit FROM block_fields').all() as FieldInfo[]
  ).filter((f) => !explicit || explicit.includes(f.template_id));
  const plan = buildPlan(query.where, catalogue, declaredPaths(ctx, explicit));
  // Narrow the scope to the templates that can match at all, when that leaves out many blocks:
  // "concentration >= 10 uM and drug = cisplatin" only needs the templates with a concentration.
  let scope = explicit;
  const implied = impliedTemplates(plan);
  if (implied !== null) {
    const narrowed = [...implied].filter((t) => !explicit || explicit.includes(t)).sort();
    if (narrowed.length === 0 || blockCount(ctx, narrowed) < 0.5 * blockCount(ctx, explicit)) scope = narrowed;
  }
  if (scope !== explicit) narrowProbes(plan, catalogue, scope as string[]);
  const total = Math.max(1, blockCount(ctx, scope));
  const leaves: Leaf[] = [];
  collectLeaves(plan, true, leaves);
  for (const leaf of allLeaves(plan)) leaf.estimate = estimateLeaf(ctx, leaf, scope);
  let strategy: 'set' | 'scan';
  const set = setOf(plan, scope, null, total);
  if (force) strategy = force === 'set' && set ? 'set' : 'scan';
  else {
    const density = expected(plan, total) / total;
    const scanCost = Math.min(total, limit / Math.max(density, 1e-9)) * candidateCost(plan);
    strategy = set && set.cost <= scanCost ? 'set' : 'scan';
  }
  return { scope, plan, leaves, total, strategy };
}

/** The newest `want` block ids of the set below `below`. */
function fromSet(
  ctx: CoreContext,
  compiled: CompiledQuery,
  below: string | null,
  want: number,
  trace?: QueryStep[],
): string[] {
  const set = setOf(compiled.plan as Plan, compiled.scope, below, compiled.total) as SetPlan;
  const step = {
    sql: `SELECT DISTINCT block_id FROM (${set.sql}) ORDER BY block_id DESC LIMIT ?`,
    params: [...set.params, want],
  };
  trace?.push(step);
  return ctx.db
    .prepare(step.sql)
    .pluck()
    .all(...step.params) as string[];
}

/** Above every block id (ULIDs use 0-9 and A-Z). */
const TOP = '\u007f';

/**
 * Block ids newest first, below `below`, at most `count`: every block (the
 * primary key index), or the blocks of the scope's templates (one ordered
 * index range per template, merged by SQLite without sorting).
 */
function blockWindow(scope: string[] | null, below: string | null, count: number): Sql {
  if (!scope) {
    return {
      sql: 'SELECT b.block_id FROM blocks b INDEXED BY sqlite_autoindex_blocks_1 WHERE b.block_id < ? ORDER BY b.block_id DESC LIMIT ?',
      params: [below ?? TOP, count],
    };
  }
  if (scope.length === 0) return { sql: 'SELECT block_id FROM blocks WHERE 0', params: [] };
  const arm = 'SELECT block_id FROM blocks INDEXED BY blocks_by_template_block WHERE template_id = ? AND block_id < ?';
  return {
    sql: `${scope.map(() => arm).join(' UNION ALL ')} ORDER BY 1 DESC LIMIT ?`,
    params: [...scope.flatMap((t) => [t, below ?? TOP]), count],
  };
}

/**
 * The newest blocks matching the query, `want` of them, looking at no more
 * than `budget` blocks below `below` (null: all of them). Returns the hits
 * and the lowest block id looked at (null when the walk reached the oldest).
 */
function scanWindow(
  ctx: CoreContext,
  compiled: CompiledQuery,
  below: string | null,
  want: number,
  budget: number | null,
  trace?: QueryStep[],
): { ids: string[]; lowest: string | null } {
  const window = blockWindow(compiled.scope, below, budget ?? compiled.total + 1);
  const check = predicate(compiled.plan as Plan, 'w.block_id');
  // The window keeps its order (it has a LIMIT), so hits come out newest first and the walk stops at `want`.
  const step = {
    sql: `SELECT w.block_id FROM (${window.sql}) w WHERE ${check.sql} LIMIT ?`,
    params: [...window.params, ...check.params, want],
  };
  trace?.push(step);
  const ids = ctx.db
    .prepare(step.sql)
    .pluck()
    .all(...step.params) as string[];
  if (ids.length >= want || budget === null)
    return { ids, lowest: ids.length >= want ? (ids[ids.length - 1] as string) : null };
  const looked = blockWindow(compiled.scope, below, budget);
  const edge = ctx.db
    .prepare(`SELECT min(block_id) AS lowest, count(*) AS n FROM (${looked.sql})`)
    .get(...looked.params) as {
    lowest: string | null;
    n: number;
  };
  // Fewer blocks than the budget: the walk reached the oldest block.
  return { ids, lowest: edge.n < budget ? null : edge.lowest };
}

/** Block ids of the query, newest first: `want` of them below `below`. */
function findIds(
  ctx: CoreContext,
  compiled: CompiledQuery,
  below: string | null,
  want: number,
  trace?: QueryStep[],
): string[] {
  if (compiled.strategy === 'all') {
    const step = blockWindow(compiled.scope, below, want);
    trace?.push(step);
    return ctx.db
      .prepare(step.sql)
      .pluck()
      .all(...step.params) as string[];
  }
  if (compiled.strategy === 'set') return fromSet(ctx, compiled, below, want, trace);
  // Scan newest first. If the first round finds too few hits, the matches are sparser than
  // estimated: collect the rest as a set when that is cheaper than scanning on.
  const found: string[] = [];
  let boundary = below;
  let budget = FIRST_SCAN_BUDGET;
  for (;;) {
    const round = scanWindow(ctx, compiled, boundary, want - found.length, budget, trace);
    found.push(...round.ids);
    if (found.length >= want || round.lowest === null) return found;
    boundary = round.lowest;
    const set = setOf(compiled.plan as Plan, compiled.scope, boundary, compiled.total);
    const density = Math.max(found.length, 0.5) / budget;
    const scanCost = ((want - found.length) / density) * candidateCost(compiled.plan as Plan);
    if (set && set.cost < scanCost) {
      found.push(...fromSet(ctx, compiled, boundary, want - found.length, trace));
      return found;
    }
    budget *= 4;
  }
}

const HIT_SQL = `
  SELECT b.block_id AS blockId, b.entry_id AS entryId, b.template_id AS templateId,
         e.title AS entryTitle, n.name AS notebookName
  FROM json_each(?) j
  JOIN blocks b ON b.block_id = j.value
  JOIN entries e ON e.id = b.entry_id
  JOIN notebooks n ON n.id = e.notebook_id
  WHERE e.deleted_at IS NULL
  ORDER BY b.block_id DESC`;

function display(row: ValueRow): string {
  if (row.num !== null) return row.unit ? `${formatNumber(row.num)} ${formatUnit(row.unit)}` : formatNumber(row.num);
  return row.text ?? '';
}

/** The values of each hit that satisfied a (positive) condition, at most three per condition. */
function matchedValues(ctx: CoreContext, blockIds: string[], leaves: Leaf[]): Map<string, QueryHit['matched']> {
  const out = new Map<string, QueryHit['matched']>(blockIds.map((id) => [id, []]));
  const fields = [...new Set(leaves.flatMap((l) => l.probes.flatMap((p) => p.fields)))];
  if (fields.length === 0 || blockIds.length === 0) return out;
  const rows = ctx.db
    .prepare(
      `SELECT v.block_id, v.field, v.row_id, v.num, v.text, v.unit
       FROM json_each(?) j JOIN block_values v INDEXED BY block_values_by_block ON v.block_id = j.value
       WHERE v.field IN (${placeholders(fields.length)}) ORDER BY v.rowid`,
    )
    .all(JSON.stringify(blockIds), ...fields) as ValueRow[];
  const byBlock = new Map<string, ValueRow[]>();
  for (const row of rows) {
    const list = byBlock.get(row.block_id) ?? [];
    list.push(row);
    byBlock.set(row.block_id, list);
  }
  for (const [blockId, list] of byBlock) {
    const matched = out.get(blockId) as QueryHit['matched'];
    const seen = new Set<string>();
    for (const leaf of leaves) {
      let shown = 0;
      for (const row of list) {
        if (shown >= 3) break;
        if (!leaf.probes.some((p) => p.fields.includes(row.field) && p.test(row))) continue;
        const item = { field: row.field, display: `${row.field} = ${display(row)}` };
        const key = `${item.field}\u0000${item.display}`;
        if (seen.has(key)) continue;
        seen.add(key);
        matched.push(item);
        shown += 1;
      }
    }
  }
  return out;
}

/** Runs a structured query: blocks of entries not in the trash, newest first. */
export function runQuery(
  ctx: CoreContext,
  expr: string,
  limit = DEFAULT_QUERY_LIMIT,
  options: QueryOptions = {},
): QueryHit[] {
  const compiled = compileQuery(ctx, expr, limit, options.force);
  const hitsOf = ctx.db.prepare(HIT_SQL);
  const hits: Array<Omit<QueryHit, 'matched'>> = [];
  let below: string | null = null;
  // Pages of candidate ids; a page shrinks only by blocks of trashed entries, so this loops rarely.
  for (;;) {
    const want = limit - hits.length;
    const ids = findIds(ctx, compiled, below, want, options.trace);
    if (ids.length === 0) break;
    hits.push(...(hitsOf.all(JSON.stringify(ids)) as Array<Omit<QueryHit, 'matched'>>));
    if (ids.length < want || hits.length >= limit) break;
    below = ids[ids.length - 1] as string;
  }
  const matched = matchedValues(
    ctx,
    hits.map((h) => h.blockId),
    compiled.leaves,
  );
  return hits.map((h) => ({ ...h, matched: matched.get(h.blockId) ?? [] }));
}
