import { formatNumber, formatQuantity } from '../units/index';
import type { BlockValues } from './block';
import { type CompiledTemplate, compileTemplate } from './compile';
import type { ColumnDefinition, FieldDefinition, TemplateDefinition } from './definition';
import { evaluateBlock } from './evaluate';
import type { BlockEvaluation } from './evaluation';
import { parseRef, refsInText } from './refs';
import { isLinkValue, isNumberValue, isRecord, shorten } from './values';

/**
 * What identifies a block to a person, in link pickers, back-links and the
 * lineage view: "NCI-H69", "cisplatin lot 24A118 3.333 mM", "IC50 cisplatin
 * 3 µM". Built from the template's `label` pattern ("{{drug}}[ lot {{lot}}]":
 * a [bracketed part] is dropped when a reference inside it is empty); without
 * one, the first identifying value, else the template's name.
 */

const MAX_LABEL = 120;

function shownValue(field: FieldDefinition | ColumnDefinition | undefined, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') {
    if (field && (field.type === 'enum' || field.type === 'multienum')) {
      return field.options.find((o) => o.value === value)?.label ?? value;
    }
    return value.trim();
  }
  if (typeof value === 'number') return Number.isFinite(value) ? formatNumber(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (isNumberValue(value)) return Number.isFinite(value.value) ? formatQuantity(value) : '';
  if (isLinkValue(value)) return value.label;
  if (Array.isArray(value))
    return value
      .map((v) => shownValue(field, v))
      .filter((s) => s !== '')
      .join(', ');
  return '';
}

function refText(
  compiled: CompiledTemplate,
  values: BlockValues,
  evaluation: BlockEvaluation | null,
  ref: string,
): string {
  const parsed = parseRef(ref);
  if (!parsed || parsed.kind === 'row') return '';
  if (parsed.kind === 'field') {
    const field = compiled.byId.get(parsed.field);
    if (!field) return '';
    if (field.type === 'computed') {
      const c = evaluation?.computed[field.id];
      return c?.ok ? c.display : '';
    }
    const value = values[field.id];
    if (parsed.key)
      return isLinkValue(value) && isRecord(value.snapshot) ? shownValue(undefined, value.snapshot[parsed.key]) : '';
    return shownValue(field, value);
  }
  const rows = Array.isArray(values[parsed.table]) ? (values[parsed.table] as unknown[]) : [];
  const pick = parsed.which === 'last' ? rows.slice(-1) : parsed.which === 'first' ? rows.slice(0, 1) : rows;
  const column = compiled.tables.get(parsed.table)?.columns.get(parsed.column);
  return pick
    .map((row) => {
      if (!isRecord(row)) return '';
      if (column?.type === 'computed') {
        const c =
          typeof row.rowId === 'string' ? evaluation?.rows[parsed.table]?.[row.rowId]?.[parsed.column] : undefined;
        return c?.ok ? c.display : '';
      }
      const cell = row[parsed.column];
      if (parsed.key)
        return isLinkValue(cell) && isRecord(cell.snapshot) ? shownValue(undefined, cell.snapshot[parsed.key]) : '';
      return shownValue(column, cell);
    })
    .filter((s) => s !== '')
    .join(', ');
}

function needsEvaluation(compiled: CompiledTemplate, pattern: string): boolean {
  return refsInText(pattern).some((ref) => {
    const parsed = parseRef(ref);
    if (!parsed || parsed.kind === 'row') return false;
    if (parsed.kind === 'field') return compiled.byId.get(parsed.field)?.type === 'computed';
    return compiled.tables.get(parsed.table)?.columns.get(parsed.column)?.type === 'computed';
  });
}

function render(pattern: string, text: (ref: string) => string): { text: string; complete: boolean } {
  let complete = true;
  const out = pattern.replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, (_, ref: string) => {
    const value = text(ref);
    if (value === '') complete = false;
    return value;
  });
  return { text: out, complete };
}

/** The block's label (see the file comment). */
export function blockLabel(template: TemplateDefinition, values: BlockValues, evaluation?: BlockEvaluation): string {
  try {
    const compiled = compileTemplate(template);
    const vals = isRecord(values) ? values : {};
    if (typeof template.label === 'string' && template.label !== '') {
      const pattern = template.label;
      const evald =
        evaluation ??
        (needsEvaluation(compiled, pattern) ? evaluateBlock(template, vals, { today: '1970-01-01', user: '' }) : null);
      const text = (ref: string) => refText(compiled, vals, evald, ref);
      const withOptional = pattern.replace(/\[([^\]]*)\]/g, (_, inner: string) => {
        const part = render(inner, text);
        return part.complete ? part.text : '';
      });
      const rendered = render(withOptional, text);
      // A label missing one of its essential parts ("IC50 <no drug>") is not shown; the fallback is clearer.
      const label = rendered.text.replace(/\s+/g, ' ').trim();
      if (rendered.complete && label !== '') return shorten(label, MAX_LABEL);
    }
    for (const field of compiled.fields) {
      if (field.type !== 'identifier' && field.type !== 'text') continue;
      const value = vals[field.id];
      if (typeof value === 'string' && value.trim() !== '') return shorten(value.trim(), MAX_LABEL);
    }
    return String(template.name ?? template.id ?? 'Block');
  } catch {
    return String(template?.name ?? 'Block');
  }
}
