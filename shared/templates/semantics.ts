import { parseUnit } from '../units/index';
import { type CompiledTemplate, compileTemplate } from './compile';
import { computedFunction } from './computed';
import type {
  ColumnDefinition,
  ComputedFieldDefinition,
  Condition,
  FieldDefinition,
  TableFieldDefinition,
  TemplateDefinition,
} from './definition';
import { parseRef, refsInText } from './refs';
import { compileUserRegex } from './safe-regex';
import { isRecord } from './values';

/**
 * The checks a template definition must pass beyond its JSON schema: every
 * reference resolves, every computed field names a registered function with
 * the inputs and parameters it declares, patterns compile, units belong to
 * their family, enum defaults are options, computed values do not depend on
 * themselves. Each issue is a sentence that names the field, rule or
 * reference at fault, for the person writing the template.
 */

type Where =
  { kind: 'top' } | { kind: 'column'; table: TableFieldDefinition } | { kind: 'row'; table: TableFieldDefinition };

interface Context {
  readonly compiled: CompiledTemplate;
  readonly known: ReadonlyMap<string, TemplateDefinition>;
  readonly issues: string[];
}

/** Describes what a reference points at, or returns an issue. */
type RefTarget =
  { ok: true; list: boolean; field: FieldDefinition | ColumnDefinition } | { ok: false; message: string };

function snapshotKeyIssue(ctx: Context, link: FieldDefinition | ColumnDefinition, key: string): string | null {
  if (link.type === 'computed') return null; // keys of a computed object are checked when it runs
  if (link.type !== 'link') return `"${link.id}" is a ${link.type} field, which has no key "${key}"`;
  if (!link.snapshot || !link.snapshot.includes(key)) {
    return `link field "${link.id}" does not copy "${key}" from the linked block (add it to its snapshot)`;
  }
  return null;
}

function resolveRef(ctx: Context, ref: string, where: Where): RefTarget {
  const parsed = parseRef(ref);
  if (!parsed) return { ok: false, message: `"${ref}" is not a reference` };
  if (parsed.kind === 'row') {
    if (where.kind === 'top') {
      return { ok: false, message: `"${ref}" refers to a row, but it is not inside a table column or a per-row rule` };
    }
    const column = ctx.compiled.tables.get(where.table.id)?.columns.get(parsed.column);
    if (!column) return { ok: false, message: `"${ref}": table "${where.table.id}" has no column "${parsed.column}"` };
    if (parsed.key) {
      const issue = snapshotKeyIssue(ctx, column, parsed.key);
      if (issue) return { ok: false, message: `"${ref}": ${issue}` };
    }
    return { ok: true, list: false, field: column };
  }
  if (parsed.kind === 'column') {
    const table = ctx.compiled.tables.get(parsed.table);
    if (!table) return { ok: false, message: `"${ref}" names no table "${parsed.table}"` };
    const column = table.columns.get(parsed.column);
    if (!column) return { ok: false, message: `"${ref}": table "${parsed.table}" has no column "${parsed.column}"` };
    if (parsed.key) {
      const issue = snapshotKeyIssue(ctx, column, parsed.key);
      if (issue) return { ok: false, message: `"${ref}": ${issue}` };
    }
    return { ok: true, list: parsed.which === 'all', field: column };
  }
  const field = ctx.compiled.byId.get(parsed.field);
  if (!field) return { ok: false, message: `"${ref}" names no field "${parsed.field}"` };
  if (field.type === 'table')
    return { ok: false, message: `"${ref}" is a table; refer to a column as ${field.id}[].column` };
  if (parsed.key) {
    const issue = snapshotKeyIssue(ctx, field, parsed.key);
    if (issue) return { ok: false, message: `"${ref}": ${issue}` };
  }
  return { ok: true, list: false, field };
}

function checkUnit(unit: string, family: Parameters<typeof parseUnit>[1]): string | null {
  const parsed = parseUnit(unit, family);
  return parsed.ok ? null : parsed.error.message;
}

function checkRanges(ctx: Context, name: string, field: Record<string, unknown>): void {
  const pairs: Array<[string, unknown, unknown]> = [['min/max', field.min, field.max]];
  for (const key of ['warn', 'block']) {
    const range = field[key];
    if (isRecord(range)) pairs.push([`${key} range`, range.min, range.max]);
  }
  for (const [what, min, max] of pairs) {
    if (typeof min === 'number' && typeof max === 'number' && min > max) {
      ctx.issues.push(`${name}: the ${what} has its minimum (${min}) above its maximum (${max})`);
    }
  }
}

function checkComputed(ctx: Context, name: string, field: ComputedFieldDefinition, where: Where): void {
  const fn = computedFunction(field.fn);
  if (!fn) {
    ctx.issues.push(`${name}: unknown function "${field.fn}"`);
    return;
  }
  const inputs = isRecord(field.inputs) ? field.inputs : {};
  for (const [input, ref] of Object.entries(inputs)) {
    const spec = fn.inputs[input];
    if (!spec) {
      ctx.issues.push(
        `${name}: function "${field.fn}" has no input "${input}" (inputs: ${Object.keys(fn.inputs).join(', ')})`,
      );
      continue;
    }
    const target = resolveRef(ctx, ref, where);
    if (!target.ok) {
      ctx.issues.push(`${name}, input "${input}": ${target.message}`);
      continue;
    }
    if (spec.list && !target.list)
      ctx.issues.push(`${name}, input "${input}" needs a table column (table[].column), not "${ref}"`);
    if (!spec.list && target.list)
      ctx.issues.push(`${name}, input "${input}" takes one value, not the column "${ref}"`);
  }
  for (const [input, spec] of Object.entries(fn.inputs)) {
    if (!spec.optional && !(input in inputs)) ctx.issues.push(`${name}: function "${field.fn}" needs input "${input}"`);
  }
  for (const group of fn.oneOf ?? []) {
    if (!group.some((input) => input in inputs)) {
      ctx.issues.push(
        `${name}: function "${field.fn}" needs one of the inputs ${group.map((g) => `"${g}"`).join(' or ')}`,
      );
    }
  }
  const params = isRecord(field.params) ? field.params : {};
  for (const [param, value] of Object.entries(params)) {
    const spec = fn.params?.[param];
    if (!spec) ctx.issues.push(`${name}: function "${field.fn}" has no parameter "${param}"`);
    else if (typeof value !== spec.type) ctx.issues.push(`${name}: parameter "${param}" must be a ${spec.type}`);
  }
  for (const [param, spec] of Object.entries(fn.params ?? {})) {
    if (spec.default === undefined && !(param in params))
      ctx.issues.push(`${name}: function "${field.fn}" needs parameter "${param}"`);
  }
  const result = fn.result;
  if (field.unit !== undefined && field.unit !== '') {
    const family = result.type === 'number' || result.type === 'object' ? result.family : undefined;
    if (family === undefined || family === 'none') {
      ctx.issues.push(`${name}: function "${field.fn}" returns a value without a unit; remove unit "${field.unit}"`);
    } else if (family === 'any') {
      const parsed = parseUnit(field.unit);
      if (!parsed.ok) ctx.issues.push(`${name}: ${parsed.error.message}`);
    } else {
      const issue = checkUnit(field.unit, family);
      if (issue) ctx.issues.push(`${name}: ${issue}`);
    }
  }
  if ((field.warn || field.block) && result.type !== 'number') {
    ctx.issues.push(`${name}: function "${field.fn}" does not return a number, so it cannot have warn or block ranges`);
  }
  checkRanges(ctx, name, field);
}

function checkField(ctx: Context, field: FieldDefinition | ColumnDefinition, where: Where): void {
  const name = where.kind === 'top' ? `field "${field.id}"` : `column "${where.table.id}.${field.id}"`;
  switch (field.type) {
    case 'text':
      if (field.pattern) {
        const compiled = compileUserRegex(field.pattern.regex);
        if (!compiled.ok) ctx.issues.push(`${name}: ${compiled.message}`);
      }
      break;
    case 'identifier':
      if (field.pattern) {
        const compiled = compileUserRegex(field.pattern);
        if (!compiled.ok) ctx.issues.push(`${name}: ${compiled.message}`);
      }
      break;
    case 'number': {
      const issue = checkUnit(field.unit, field.family);
      if (issue) ctx.issues.push(`${name}: unit "${field.unit}": ${issue}`);
      for (const unit of field.units ?? []) {
        const other = checkUnit(unit, field.family);
        if (other) ctx.issues.push(`${name}: offered unit "${unit}": ${other}`);
      }
      checkRanges(ctx, name, field);
      break;
    }
    case 'integer':
    case 'decimal':
      checkRanges(ctx, name, field);
      break;
    case 'enum':
    case 'multienum': {
      const values = field.options.map((o) => o.value);
      const dup = values.find((v, i) => values.indexOf(v) !== i);
      if (dup !== undefined) ctx.issues.push(`${name}: option "${dup}" is listed twice`);
      const defaults =
        field.type === 'enum' ? (field.default === undefined ? [] : [field.default]) : (field.default ?? []);
      for (const d of defaults) {
        if (!values.includes(d)) ctx.issues.push(`${name}: the default "${d}" is not one of its options`);
      }
      break;
    }
    case 'link':
      if (field.target.kind === 'block') {
        for (const key of field.snapshot ?? []) {
          for (const id of field.target.templateIds) {
            const target = ctx.known.get(id);
            if (!target) continue;
            const has = target.groups.some((g) => g.fields.some((f) => f.id === key));
            if (!has) ctx.issues.push(`${name}: snapshot key "${key}" is not a field of template "${id}"`);
          }
        }
      }
      break;
    case 'platemap':
      if (typeof field.format === 'string') {
        const format = ctx.compiled.byId.get(field.format);
        if (!format) ctx.issues.push(`${name}: its format field "${field.format}" does not exist`);
        else if (format.type !== 'enum' || format.options.some((o) => o.value !== '96' && o.value !== '384')) {
          ctx.issues.push(`${name}: its format field "${field.format}" must be an enum of "96" and "384"`);
        }
      }
      break;
    case 'computed':
      checkComputed(ctx, name, field, where.kind === 'top' ? where : { kind: 'row', table: where.table });
      break;
    case 'table':
      checkTable(ctx, field);
      break;
    default:
      break;
  }
}

function checkTable(ctx: Context, table: TableFieldDefinition): void {
  const ids = table.columns.map((c) => c.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup !== undefined) ctx.issues.push(`table "${table.id}": column id "${dup}" is used twice`);
  if (table.minRows !== undefined && table.maxRows !== undefined && table.minRows > table.maxRows) {
    ctx.issues.push(`table "${table.id}": minRows (${table.minRows}) is above maxRows (${table.maxRows})`);
  }
  for (const column of table.columns) checkField(ctx, column, { kind: 'column', table });
  for (const row of table.default ?? []) {
    for (const key of Object.keys(row)) {
      if (!ids.includes(key))
        ctx.issues.push(`table "${table.id}": a default row sets "${key}", which is not a column`);
    }
  }
}

function checkCondition(ctx: Context, rule: string, cond: Condition, where: Where): void {
  if ('all' in cond) return cond.all.forEach((c) => checkCondition(ctx, rule, c, where));
  if ('any' in cond) return cond.any.forEach((c) => checkCondition(ctx, rule, c, where));
  if ('not' in cond) return checkCondition(ctx, rule, cond.not, where);
  const target = resolveRef(ctx, cond.ref, where);
  if (!target.ok) ctx.issues.push(`rule "${rule}": ${target.message}`);
  const op = cond.op;
  if (op === 'matches') {
    if (typeof cond.value !== 'string') ctx.issues.push(`rule "${rule}": "matches" needs a pattern as its value`);
    else {
      const compiled = compileUserRegex(cond.value, 'i');
      if (!compiled.ok) ctx.issues.push(`rule "${rule}": ${compiled.message}`);
    }
  } else if (op === 'in' && !Array.isArray(cond.value)) {
    ctx.issues.push(`rule "${rule}": "in" needs a list of values`);
  } else if ((op === 'gt' || op === 'gte' || op === 'lt' || op === 'lte') && typeof cond.value !== 'number') {
    ctx.issues.push(`rule "${rule}": "${op}" needs a number as its value`);
  } else if ((op === 'eq' || op === 'ne') && (cond.value === undefined || Array.isArray(cond.value))) {
    ctx.issues.push(`rule "${rule}": "${op}" needs one value to compare with`);
  }
  if (cond.unit !== undefined) {
    const parsed = parseUnit(cond.unit);
    if (!parsed.ok) ctx.issues.push(`rule "${rule}": unit "${cond.unit}": ${parsed.error.message}`);
  }
}

function checkRules(ctx: Context, template: TemplateDefinition): void {
  const seen = new Set<string>();
  for (const rule of template.rules ?? []) {
    if (seen.has(rule.id)) ctx.issues.push(`rule id "${rule.id}" is used twice`);
    seen.add(rule.id);
    let where: Where = { kind: 'top' };
    if (rule.forEachRow !== undefined) {
      const table = ctx.compiled.tables.get(rule.forEachRow);
      if (!table) {
        ctx.issues.push(`rule "${rule.id}": forEachRow names no table "${rule.forEachRow}"`);
        continue;
      }
      where = { kind: 'row', table: table.field };
    }
    checkCondition(ctx, rule.id, rule.when, where);
    for (const id of rule.fields ?? []) {
      const inTable = where.kind === 'row' && ctx.compiled.tables.get(where.table.id)?.columns.has(id);
      if (!ctx.compiled.byId.has(id) && !inTable)
        ctx.issues.push(`rule "${rule.id}": it names field "${id}", which does not exist`);
    }
  }
}

/**
 * Semantic issues of a schema-valid definition; empty when it is sound.
 * `known` templates let link snapshots be checked against their targets.
 */
export function templateIssues(template: TemplateDefinition, known: readonly TemplateDefinition[] = []): string[] {
  const compiled = compileTemplate(template);
  const ctx: Context = { compiled, known: new Map(known.map((t) => [t.id, t])), issues: [] };
  const groupIds = template.groups.map((g) => g.id);
  const dupGroup = groupIds.find((id, i) => groupIds.indexOf(id) !== i);
  if (dupGroup !== undefined) ctx.issues.push(`group id "${dupGroup}" is used twice`);
  const fieldIds = template.groups.flatMap((g) => g.fields.map((f) => f.id));
  const dupField = fieldIds.find((id, i) => fieldIds.indexOf(id) !== i);
  if (dupField !== undefined) ctx.issues.push(`field id "${dupField}" is used twice`);
  for (const field of compiled.fields) checkField(ctx, field, { kind: 'top' });
  checkRules(ctx, template);
  for (const node of compiled.cyclic) {
    const name =
      node.kind === 'field'
        ? `computed field "${node.field.id}"`
        : `computed column "${node.table.id}.${node.column.id}"`;
    ctx.issues.push(`${name} depends on itself through its inputs`);
  }
  if (template.label !== undefined) {
    for (const ref of refsInText(template.label)) {
      const target = resolveRef(ctx, ref, { kind: 'top' });
      if (!target.ok) ctx.issues.push(`label: ${target.message}`);
    }
  }
  return ctx.issues;
}
