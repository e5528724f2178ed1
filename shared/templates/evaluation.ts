import type { Severity } from './definition';

/**
 * What evaluateBlock (shared/templates/evaluate.ts) reports about a block:
 * computed values and problems. The editor shows them inline, the core
 * stores `blocking` per entry (the entry list marks it), the PDF prints them.
 */

export interface Problem {
  severity: Severity;
  /** Stable code: required, not_a_number, unit_mismatch, below_min, above_max, warn_range, block_range, pattern, rule, computed... */
  code: string;
  message: string;
  /** The field (or table) the problem is about; null for block-level rules. */
  fieldId: string | null;
  /** For table cells. */
  rowId?: string;
  columnId?: string;
  /** For cross-field rules: the rule id. */
  ruleId?: string;
  /** For cross-field rules: every field the rule names (fieldId is the first). */
  fields?: string[];
}

export type ComputedValue =
  | {
      ok: true;
      /** Numbers carry a unit when the field declares one; objects for fits. */
      value: number | string | boolean | Record<string, unknown>;
      unit?: string;
      /** Ready to show: "45 µL", "1.5 %", "IC50 3.00 µM (2.71-3.32)". */
      display: string;
      flags?: string[];
    }
  | { ok: false; message: string; missing?: boolean };

export interface BlockEvaluation {
  /** Top-level computed fields by id. */
  computed: Record<string, ComputedValue>;
  /** Table computed columns: table id -> rowId -> column id -> value. */
  rows: Record<string, Record<string, Record<string, ComputedValue>>>;
  problems: Problem[];
  /** True when any problem is blocking. */
  blocking: boolean;
}

/** Where placeholders and uniqueness checks get their facts. */
export interface EvaluationEnv {
  /** ISO date of today, for {{today}} and "days since" computations. */
  today: string;
  user: string;
  /** ISO date-time for {{now}}; defaults to the start of `today` (UTC). */
  now?: string;
  /** A ULID generator, for row ids of a new block's table rows and the {{id}} placeholder. */
  newId?: () => string;
  /**
   * For fields marked `unique` (model_id): true when another block of the
   * template, not the one being evaluated, already uses the value. Without
   * it uniqueness is not checked (the core checks it when it indexes).
   */
  isTaken?: (templateId: string, fieldId: string, value: string) => boolean;
}
