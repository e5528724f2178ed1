import { formatNumber, formatUnit, parseQuantity } from '../units/index';
import type { ColumnDefinition, FieldDefinition, Severity } from './definition';
import { isIsoDate, isIsoDateTime } from './dates';
import { checkSchemeValue } from './identifiers';
import { unitFamilyIssue, valueInUnit } from './quantities';
import { MAX_PATTERN_INPUT, compileUserRegex, testCapped } from './safe-regex';
import { ATTACHMENT_TYPES_TEXT, isAttachmentMime } from '../attachments/limits';
import {
  isEmptyValue,
  isFiniteNumber,
  isImageValue,
  isLinkValue,
  isNumberValue,
  isRawValue,
  isRecord,
  readPlainNumber,
  shorten,
} from './values';

/**
 * Checks of one stored value against its field (or table column): type,
 * units, limits and ranges, options, patterns, identifier schemes, dates,
 * links. Each finding is a {@link Finding}; the evaluator adds where it is
 * (field, row, column). Tables and computed fields are handled by the
 * evaluator itself.
 */

export interface Finding {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
}

export interface CheckContext {
  readonly templateId: string;
  readonly isTaken?: (templateId: string, fieldId: string, value: string) => boolean;
}

type Checked = FieldDefinition | ColumnDefinition;

const MAX_TEXT = 10_000;
const MAX_LONGTEXT = 200_000;
const MAX_IDENTIFIER = 200;

const block = (code: string, message: string): Finding => ({ severity: 'block', code, message });
const warning = (code: string, message: string): Finding => ({ severity: 'warning', code, message });

function typeName(x: unknown): string {
  if (x === null) return 'nothing';
  if (Array.isArray(x)) return 'a list';
  if (isRawValue(x)) return `'${shorten(x.raw)}'`;
  if (typeof x === 'string') return `'${shorten(x)}'`;
  if (typeof x === 'object') return 'an object';
  return String(x);
}

function shown(value: number, unit: string): string {
  return unit === '' ? formatNumber(value) : `${formatNumber(value)} ${formatUnit(unit)}`;
}

interface Limits {
  readonly min?: number;
  readonly max?: number;
  readonly warn?: { min?: number; max?: number; message?: string };
  readonly block?: { min?: number; max?: number; message?: string };
}

/**
 * Hard limits (blocking), then the block range, then the warn range; only
 * the most severe finding is reported, so one bad number gives one message.
 */
export function rangeFindings(label: string, x: number, unit: string, limits: Limits): Finding[] {
  if (limits.min !== undefined && x < limits.min) {
    return [block('below_min', `${label} must be at least ${shown(limits.min, unit)}; got ${shown(x, unit)}.`)];
  }
  if (limits.max !== undefined && x > limits.max) {
    return [block('above_max', `${label} must be at most ${shown(limits.max, unit)}; got ${shown(x, unit)}.`)];
  }
  for (const [range, make, code] of [
    [limits.block, block, 'block_range'],
    [limits.warn, warning, 'warn_range'],
  ] as const) {
    if (!range) continue;
    const low = range.min !== undefined && x < range.min;
    const high = range.max !== undefined && x > range.max;
    if (!low && !high) continue;
    const bound = low ? `below ${shown(range.min as number, unit)}` : `above ${shown(range.max as number, unit)}`;
    return [make(code, range.message ?? `${label} is ${bound} (${shown(x, unit)}).`)];
  }
  return [];
}

function checkNumber(field: Extract<Checked, { type: 'number' }>, value: unknown): Finding[] {
  const label = field.label;
  let quantity: { value: number; unit: string };
  if (isRawValue(value)) {
    // A raw value that reads cleanly (a renderer that stored it before parsing) is used as typed.
    const parsed = parseQuantity(value.raw.slice(0, 200), field.family);
    if (!parsed.ok) {
      const code = parsed.error.code === 'wrong_family' ? 'unit_mismatch' : 'not_a_number';
      return [block(code, `${label}: ${parsed.error.message}`)];
    }
    quantity = parsed.value;
  } else if (isNumberValue(value)) {
    if (!Number.isFinite(value.value)) return [block('not_a_number', `${label} is not a finite number.`)];
    quantity = value;
  } else {
    return [block('not_a_number', `${label} must be a number with its unit; got ${typeName(value)}.`)];
  }
  const issue = unitFamilyIssue(quantity.unit, field.family);
  if (issue !== null) return [block('unit_mismatch', `${label}: ${issue}`)];
  const x = valueInUnit(quantity, field.unit);
  if (x === null) {
    return [
      block('unit_mismatch', `${label}: ${quantity.value} ${quantity.unit} cannot be converted to ${field.unit}.`),
    ];
  }
  return rangeFindings(label, x, field.unit, field);
}

function checkPlain(field: Extract<Checked, { type: 'integer' | 'decimal' }>, value: unknown): Finding[] {
  const x = readPlainNumber(value);
  if (x === null) return [block('not_a_number', `${field.label} must be a number; got ${typeName(value)}.`)];
  if (field.type === 'integer' && !Number.isInteger(x)) {
    return [block('not_an_integer', `${field.label} must be a whole number; got ${formatNumber(x)}.`)];
  }
  return rangeFindings(field.label, x, field.suffix ?? '', field);
}

function checkText(field: Extract<Checked, { type: 'text' | 'longtext' }>, value: unknown): Finding[] {
  if (typeof value !== 'string') return [block('wrong_type', `${field.label} must be text; got ${typeName(value)}.`)];
  const max = field.type === 'text' ? (field.maxLength ?? MAX_TEXT) : MAX_LONGTEXT;
  if (value.length > max) return [block('too_long', `${field.label} is longer than ${max} characters.`)];
  if (field.type === 'text' && field.pattern) {
    const compiled = compileUserRegex(field.pattern.regex);
    if (!compiled.ok) return [];
    if (value.length > MAX_PATTERN_INPUT) {
      return [block('too_long', `${field.label} is too long to check (over ${MAX_PATTERN_INPUT} characters).`)];
    }
    if (!testCapped(compiled.regex, value)) return [block('pattern', `${field.label}: ${field.pattern.message}`)];
  }
  return [];
}

function checkIdentifier(
  field: Extract<Checked, { type: 'identifier' }>,
  value: unknown,
  ctx: CheckContext,
): Finding[] {
  if (typeof value !== 'string' && !isFiniteNumber(value)) {
    return [block('wrong_type', `${field.label} must be text; got ${typeName(value)}.`)];
  }
  const text = String(value);
  if (text.length > MAX_IDENTIFIER) {
    return [block('too_long', `${field.label} is longer than ${MAX_IDENTIFIER} characters.`)];
  }
  if (field.pattern !== undefined) {
    const compiled = compileUserRegex(field.pattern);
    if (compiled.ok && !testCapped(compiled.regex, text)) {
      const example = field.example ? ` (e.g. ${field.example})` : '';
      return [
        block('invalid_identifier', `${field.label}: '${shorten(text)}' does not have the expected form${example}.`),
      ];
    }
  } else if (field.scheme !== 'custom') {
    const issue = checkSchemeValue(field.scheme, text);
    if (issue) return [block('invalid_identifier', `${field.label}: ${issue}`)];
  }
  if (field.unique && ctx.isTaken) {
    let taken = false;
    try {
      taken = ctx.isTaken(ctx.templateId, field.id, text);
    } catch {
      taken = false; // a failing lookup must not break evaluation; the core re-checks on save
    }
    if (taken) return [block('duplicate', `${field.label} '${shorten(text)}' is already used by another record.`)];
  }
  return [];
}

function checkLink(field: Extract<Checked, { type: 'link' }>, value: unknown): Finding[] {
  const links = Array.isArray(value) ? value : [value];
  if (Array.isArray(value) && !field.multiple) {
    return [block('wrong_type', `${field.label} takes one link; got ${value.length}.`)];
  }
  for (const link of links.slice(0, 100)) {
    if (isEmptyValue(link)) continue;
    if (!isLinkValue(link)) return [block('invalid_link', `${field.label} is not a valid link.`)];
    if (field.target.kind === 'block') {
      if (typeof link.blockId !== 'string' || link.blockId === '') {
        return [block('invalid_link', `${field.label} must link to a block, not a whole entry.`)];
      }
      if (typeof link.templateId === 'string' && !field.target.templateIds.includes(link.templateId)) {
        return [
          block(
            'wrong_target',
            `${field.label} must link to ${field.target.templateIds.join(' or ')}; '${shorten(link.label)}' is a ${link.templateId} block.`,
          ),
        ];
      }
    }
  }
  return [];
}

const WELL = /^([A-P])([1-9]|1[0-9]|2[0-4])$/;

function checkPlate(field: Extract<Checked, { type: 'platemap' }>, value: unknown, format: unknown): Finding[] {
  if (!isRecord(value) || !isRecord(value.wells) || (value.format !== 96 && value.format !== 384)) {
    return [block('invalid_plate', `${field.label} is not a valid plate map.`)];
  }
  const expected = field.format === 96 || field.format === 384 ? field.format : Number(format);
  if ((expected === 96 || expected === 384) && value.format !== expected) {
    return [block('plate_format', `${field.label} is a ${value.format}-well map but the plate format is ${expected}.`)];
  }
  const [rows, cols] = value.format === 96 ? ['ABCDEFGH', 12] : ['ABCDEFGHIJKLMNOP', 24];
  const bad = Object.keys(value.wells).filter((id) => {
    const m = WELL.exec(id);
    return !m || !rows.includes(m[1] as string) || Number(m[2]) > cols;
  });
  if (bad.length > 0) {
    return [
      block(
        'invalid_plate',
        `${field.label} has wells outside a ${value.format}-well plate: ${shorten(bad.slice(0, 5).join(', '))}.`,
      ),
    ];
  }
  return [];
}

/**
 * Findings for one value of a field or column, empty when it is fine.
 * `formatValue` is the value of the platemap's format field, when it has one.
 */
export function checkValue(field: Checked, value: unknown, ctx: CheckContext, formatValue?: unknown): Finding[] {
  if (field.type === 'computed' || field.type === 'table') return [];
  if (isEmptyValue(value)) {
    return field.required ? [block('required', `${field.label} is required.`)] : [];
  }
  switch (field.type) {
    case 'number':
      return checkNumber(field, value);
    case 'integer':
    case 'decimal':
      return checkPlain(field, value);
    case 'text':
    case 'longtext':
      return checkText(field, value);
    case 'enum':
      if (typeof value !== 'string')
        return [block('wrong_type', `${field.label} must be one of its options; got ${typeName(value)}.`)];
      return field.options.some((o) => o.value === value)
        ? []
        : [block('not_an_option', `${field.label}: '${shorten(value)}' is not one of its options.`)];
    case 'multienum': {
      if (!Array.isArray(value))
        return [block('wrong_type', `${field.label} must be a list of options; got ${typeName(value)}.`)];
      const unknown = value.find((v) => typeof v !== 'string' || !field.options.some((o) => o.value === v));
      return unknown === undefined
        ? []
        : [block('not_an_option', `${field.label}: ${typeName(unknown)} is not one of its options.`)];
    }
    case 'boolean':
      return typeof value === 'boolean'
        ? []
        : [block('wrong_type', `${field.label} must be yes or no; got ${typeName(value)}.`)];
    case 'date':
      return isIsoDate(value)
        ? []
        : [block('invalid_date', `${field.label} must be a date (YYYY-MM-DD); got ${typeName(value)}.`)];
    case 'datetime':
      return isIsoDateTime(value)
        ? []
        : [block('invalid_date', `${field.label} must be a date and time (YYYY-MM-DDThh:mm); got ${typeName(value)}.`)];
    case 'identifier':
      return checkIdentifier(field, value, ctx);
    case 'link':
      return checkLink(field, value);
    case 'image':
      if (!isImageValue(value)) return [block('invalid_image', `${field.label} is not a valid image attachment.`)];
      return isAttachmentMime(value.mime)
        ? []
        : [
            block(
              'invalid_image',
              `${field.label}: '${shorten(value.mime)}' is not an accepted image type (${ATTACHMENT_TYPES_TEXT}).`,
            ),
          ];
    case 'platemap':
      return checkPlate(field, value, formatValue);
    default:
      return [];
  }
}
