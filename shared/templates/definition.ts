import { z } from 'zod';
import { UNIT_FAMILY_IDS } from '../units/families';

/**
 * Template definitions are data, not code: JSON validated by these schemas,
 * stored in SQLite with their versions, rendered by the editor, evaluated by
 * shared/templates/evaluate.ts. Computed values name a registered pure
 * function (shared/templates/computed.ts); nothing in a template is executed.
 */

export const FIELD_ID = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,47}$/, 'field ids are lower_snake_case, starting with a letter, at most 48 characters');

export const TEMPLATE_ID = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,63}$/, 'template ids are lower-kebab-case, 2 to 64 characters');

const label = z.string().trim().min(1).max(120);
const help = z.string().max(1000).optional();

/**
 * A reference from a rule or a computed value to a value of the block:
 * - `field`            a top-level field;
 * - `field.key`        a key of a link's snapshot (the linked block's values),
 *                      or a key of a computed object (a fit's `ic50`);
 * - `table[].column`   every row's value of a table column (an array);
 * - `table[].column.key`  every row's snapshot key of a link column;
 * - `row.column`       inside a table column's computed value or a per-row
 *                      rule: this row's cell (`row.column.key` for a link cell);
 * - `table[first].column`, `table[last].column`  the first or last row's cell.
 */
export const FIELD_REF = z
  .string()
  .regex(
    /^(row\.[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?|[a-z][a-z0-9_]*(\[(\]|first\]|last\]))?(\.[a-z][a-z0-9_]*){0,2})$/,
    'not a field reference (field, field.key, table[].column, table[first].column, table[last].column or row.column)',
  );

/** A range in the field's own unit; a value outside it raises a problem of the given severity. */
export const RANGE = z.strictObject({
  min: z.number().optional(),
  max: z.number().optional(),
  /** Shown to the scientist; defaults to a sentence naming the range. */
  message: z.string().max(300).optional(),
});

const common = {
  id: FIELD_ID,
  label,
  help,
  required: z.boolean().optional(),
  placeholder: z.string().max(200).optional(),
};

const numericLimits = {
  /** Hard limits: outside them the value is invalid (blocking). */
  min: z.number().optional(),
  max: z.number().optional(),
  /** Outside this range: a warning ("STR match below 80 %"). */
  warn: RANGE.optional(),
  /** Outside this range: blocking ("final DMSO above 0.5 %"). */
  block: RANGE.optional(),
};

export const TEXT_FIELD = z.strictObject({
  ...common,
  type: z.literal('text'),
  maxLength: z.number().int().min(1).max(10_000).optional(),
  pattern: z.strictObject({ regex: z.string().max(300), message: z.string().max(300) }).optional(),
  /**
   * May contain {{today}}, {{now}}, {{user}}, {{date}} (today as yyyymmdd) or
   * {{id}} (a short unique suffix), filled in when the block is inserted
   * (shared/templates/placeholders.ts).
   */
  default: z.string().max(1000).optional(),
});

export const LONGTEXT_FIELD = z.strictObject({
  ...common,
  type: z.literal('longtext'),
  default: z.string().max(10_000).optional(),
});

export const NUMBER_FIELD = z.strictObject({
  ...common,
  type: z.literal('number'),
  family: z.enum(UNIT_FAMILY_IDS),
  /** The unit offered first; ranges and the default are in this unit. */
  unit: z.string().min(1).max(40),
  /** Units offered in the picker; defaults to the family's units. */
  units: z.array(z.string().min(1).max(40)).max(20).optional(),
  default: z.number().optional(),
  ...numericLimits,
});

export const INTEGER_FIELD = z.strictObject({
  ...common,
  type: z.literal('integer'),
  /** A word shown after the number ("wells", "doses"); not a unit of measure. */
  suffix: z.string().max(40).optional(),
  default: z.number().int().optional(),
  ...numericLimits,
});

/**
 * A plain number that has no unit of measure and need not be whole: a
 * dilution factor, a multiple of IC50, an MOI. Stored as a number (or
 * RawValue while it does not parse), like an integer.
 */
export const DECIMAL_FIELD = z.strictObject({
  ...common,
  type: z.literal('decimal'),
  /** Shown after the number ("× IC50", "TU/cell"); not a unit of measure. */
  suffix: z.string().max(40).optional(),
  default: z.number().optional(),
  ...numericLimits,
});

const OPTION = z.strictObject({ value: z.string().min(1).max(120), label: z.string().max(200).optional() });

export const ENUM_FIELD = z.strictObject({
  ...common,
  type: z.literal('enum'),
  options: z.array(OPTION).min(1).max(200),
  default: z.string().optional(),
});

export const MULTIENUM_FIELD = z.strictObject({
  ...common,
  type: z.literal('multienum'),
  options: z.array(OPTION).min(1).max(200),
  default: z.array(z.string()).optional(),
});

export const BOOLEAN_FIELD = z.strictObject({ ...common, type: z.literal('boolean'), default: z.boolean().optional() });

export const DATE_FIELD = z.strictObject({
  ...common,
  type: z.literal('date'),
  /** An ISO date or {{today}}. */
  default: z.string().max(40).optional(),
});

export const DATETIME_FIELD = z.strictObject({
  ...common,
  type: z.literal('datetime'),
  default: z.string().max(40).optional(),
});

export const IDENTIFIER_SCHEMES = ['cellosaurus', 'rrid', 'cas', 'inchikey', 'pubchem_cid', 'custom'] as const;

export const IDENTIFIER_FIELD = z.strictObject({
  ...common,
  type: z.literal('identifier'),
  scheme: z.enum(IDENTIFIER_SCHEMES),
  /** Required for scheme 'custom'; overrides the scheme's pattern otherwise. */
  pattern: z.string().max(300).optional(),
  /** e.g. "CVCL_1579", shown as the placeholder. */
  example: z.string().max(120).optional(),
  /** The value must not be used by another block of the same template (model_id). */
  unique: z.boolean().optional(),
  /** A generated identifier ("S{{date}}-{{id}}"); placeholders as for text fields. */
  default: z.string().max(200).optional(),
});

export const LINK_FIELD = z.strictObject({
  ...common,
  type: z.literal('link'),
  /** To any entry, or to blocks of the given templates (a model record, a drug stock...). */
  target: z.union([
    z.strictObject({ kind: z.literal('entry') }),
    z.strictObject({ kind: z.literal('block'), templateIds: z.array(TEMPLATE_ID).min(1).max(20) }),
  ]),
  multiple: z.boolean().optional(),
  /** Fields of the linked block copied into the link when it is made, for computed values. */
  snapshot: z.array(FIELD_ID).max(20).optional(),
  /** A parent link: the lineage view follows these (parental -> persister -> regrowth -> harvest). */
  lineage: z.boolean().optional(),
});

export const IMAGE_FIELD = z.strictObject({ ...common, type: z.literal('image') });

export const PLATEMAP_FIELD = z.strictObject({
  ...common,
  type: z.literal('platemap'),
  /** A fixed format, or the id of an enum field holding "96" or "384". */
  format: z.union([z.literal(96), z.literal(384), FIELD_ID]),
});

export const COMPUTED_FIELD = z.strictObject({
  ...common,
  type: z.literal('computed'),
  /** The name of a registered pure function (shared/templates/computed.ts). */
  fn: z.string().regex(/^[a-z][a-zA-Z0-9]{1,63}$/),
  /** Parameter name -> where its value comes from. */
  inputs: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]{0,47}$/), FIELD_REF),
  /** Constant parameters (a threshold, a target level). */
  params: z
    .record(z.string().regex(/^[a-z][a-zA-Z0-9]{0,47}$/), z.union([z.number(), z.string(), z.boolean()]))
    .optional(),
  /** Unit of a numeric result (the function returns it in this unit). */
  unit: z.string().max(40).optional(),
  /** Significant digits to show. */
  digits: z.number().int().min(1).max(12).optional(),
  warn: RANGE.optional(),
  block: RANGE.optional(),
});

/** Column types allowed inside a table. */
export const COLUMN_FIELD = z.discriminatedUnion('type', [
  TEXT_FIELD,
  NUMBER_FIELD,
  INTEGER_FIELD,
  DECIMAL_FIELD,
  ENUM_FIELD,
  BOOLEAN_FIELD,
  DATE_FIELD,
  IDENTIFIER_FIELD,
  /** A link per row: each row of a treatment table names its own drug stock. */
  LINK_FIELD,
  IMAGE_FIELD,
  COMPUTED_FIELD,
]);

export const TABLE_FIELD = z.strictObject({
  ...common,
  type: z.literal('table'),
  columns: z.array(COLUMN_FIELD).min(1).max(40),
  minRows: z.number().int().min(0).max(10_000).optional(),
  maxRows: z.number().int().min(1).max(10_000).optional(),
  /**
   * Rows the table starts with (column id -> stored cell value), e.g. the
   * planned timepoints 0, 3, 6, 9 and 12 days. Row ids are generated on insert.
   */
  default: z.array(z.record(FIELD_ID, z.unknown())).max(100).optional(),
});

export const FIELD = z.discriminatedUnion('type', [
  TEXT_FIELD,
  LONGTEXT_FIELD,
  NUMBER_FIELD,
  INTEGER_FIELD,
  DECIMAL_FIELD,
  ENUM_FIELD,
  MULTIENUM_FIELD,
  BOOLEAN_FIELD,
  DATE_FIELD,
  DATETIME_FIELD,
  IDENTIFIER_FIELD,
  LINK_FIELD,
  IMAGE_FIELD,
  PLATEMAP_FIELD,
  COMPUTED_FIELD,
  TABLE_FIELD,
]);

/** A condition over the block's values, for cross-field rules. Declarative: never evaluated as code. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | {
      ref: string;
      op: 'eq' | 'ne' | 'in' | 'gt' | 'gte' | 'lt' | 'lte' | 'empty' | 'present' | 'matches';
      value?: string | number | boolean | string[];
      /** For numeric comparisons: the unit `value` is in (the ref's value is converted). */
      unit?: string;
    };

export const CONDITION: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(CONDITION).min(1).max(20) }),
    z.strictObject({ any: z.array(CONDITION).min(1).max(20) }),
    z.strictObject({ not: CONDITION }),
    z.strictObject({
      ref: FIELD_REF,
      op: z.enum(['eq', 'ne', 'in', 'gt', 'gte', 'lt', 'lte', 'empty', 'present', 'matches']),
      value: z.union([z.string().max(300), z.number(), z.boolean(), z.array(z.string().max(120)).max(100)]).optional(),
      unit: z.string().max(40).optional(),
    }),
  ]),
);

export const SEVERITIES = ['warning', 'block'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RULE = z.strictObject({
  id: FIELD_ID,
  severity: z.enum(SEVERITIES),
  when: CONDITION,
  message: z.string().min(1).max(300),
  /** Fields the message is shown next to. */
  fields: z.array(FIELD_ID).max(10).optional(),
  /**
   * A table id: the condition is checked once per row, `row.column` refers to
   * that row's cells and each matching row gets its own problem (a platinum
   * drug in DMSO on one row of a treatment table, not "some row is platinum
   * and some row is in DMSO").
   */
  forEachRow: FIELD_ID.optional(),
});

export const TEMPLATE_CATEGORIES = [
  'model',
  'reagent',
  'assay',
  'treatment',
  'in-vivo',
  'sequencing',
  'other',
] as const;

export const GROUP = z.strictObject({
  id: FIELD_ID,
  label,
  help,
  fields: z.array(FIELD).min(1).max(80),
});

export const TEMPLATE_DEFINITION = z
  .strictObject({
    id: TEMPLATE_ID,
    version: z.number().int().min(1).max(1_000_000),
    name: z.string().trim().min(1).max(120),
    /** Short code shown on the block ("T4"). */
    code: z.string().max(8).optional(),
    description: z.string().max(2000),
    category: z.enum(TEMPLATE_CATEGORIES),
    /**
     * What identifies a block to a person (link pickers, back-links, lineage):
     * text with {{ref}} placeholders; a [bracketed part] is dropped when a ref
     * inside it is empty. "{{drug}}[ lot {{lot}}]" gives "cisplatin lot A12".
     */
    label: z.string().max(200).optional(),
    groups: z.array(GROUP).min(1).max(30),
    rules: z.array(RULE).max(100).default([]),
  })
  .superRefine((template, ctx) => {
    const seen = new Set<string>();
    for (const group of template.groups) {
      for (const field of group.fields) {
        if (seen.has(field.id)) ctx.addIssue({ code: 'custom', message: `field id "${field.id}" is used twice` });
        seen.add(field.id);
        if (field.type === 'identifier' && field.scheme === 'custom' && !field.pattern) {
          ctx.addIssue({ code: 'custom', message: `identifier field "${field.id}" has scheme custom but no pattern` });
        }
      }
    }
  });

export type FieldDefinition = z.infer<typeof FIELD>;
export type TextFieldDefinition = z.infer<typeof TEXT_FIELD>;
export type IntegerFieldDefinition = z.infer<typeof INTEGER_FIELD>;
export type DecimalFieldDefinition = z.infer<typeof DECIMAL_FIELD>;
export type EnumFieldDefinition = z.infer<typeof ENUM_FIELD>;
export type IdentifierFieldDefinition = z.infer<typeof IDENTIFIER_FIELD>;
export type PlateMapFieldDefinition = z.infer<typeof PLATEMAP_FIELD>;
export type ColumnDefinition = z.infer<typeof COLUMN_FIELD>;
export type TableFieldDefinition = z.infer<typeof TABLE_FIELD>;
export type NumberFieldDefinition = z.infer<typeof NUMBER_FIELD>;
export type ComputedFieldDefinition = z.infer<typeof COMPUTED_FIELD>;
export type LinkFieldDefinition = z.infer<typeof LINK_FIELD>;
export type RuleDefinition = z.infer<typeof RULE>;
export type TemplateDefinition = z.infer<typeof TEMPLATE_DEFINITION>;
export type FieldType = FieldDefinition['type'];
