import type { CalcResult } from '../calc/result';
import { type Quantity, type UnitFamilyId, formatNumber, formatQuantity } from '../units/index';
import type { Severity } from './definition';
import type { ComputedValue, EvaluationEnv } from './evaluation';
import { familyOfUnit, valueInUnit } from './quantities';
import { isEmptyValue, isLinkValue, isRecord, readPlainNumber, readQuantity } from './values';

/**
 * The contract between the evaluator and the computed functions
 * (computed.ts): how a function declares its inputs and parameters, how it
 * reads the values the evaluator resolved for it, and how it reports a
 * result. Functions never see field ids: the template maps field references
 * onto the function's named inputs.
 */

export interface InputSpec {
  /** Used in "needs …" when the template's field has no label to offer. */
  readonly label: string;
  /** Optional inputs may be empty; required ones make the result "missing" when empty. */
  readonly optional?: boolean;
  /** The input is a column of a table (`table[].column`): an array, one value per row. */
  readonly list?: boolean;
}

export type ParamValue = number | string | boolean;

export interface ParamSpec {
  readonly type: 'number' | 'string' | 'boolean';
  readonly default?: ParamValue;
  readonly description: string;
}

export type ResultSpec =
  /**
   * A number; `family` is the kind of quantity, so the field's unit must be
   * one of its units ('none': no unit; 'any': whatever unit the field names,
   * e.g. one parameter of a fit, a concentration or a plain number).
   */
  | { readonly type: 'number'; readonly family: UnitFamilyId | 'none' | 'any' }
  | { readonly type: 'text' }
  | { readonly type: 'boolean' }
  /** A structured result (a fit); `family` is the unit kind of its concentrations, if any. */
  | { readonly type: 'object'; readonly family?: UnitFamilyId };

export interface ComputeArgs {
  /** Resolved inputs: stored values (NumberValue, number, string, LinkValue…), or arrays for list inputs. */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** Parameters, defaults filled in. */
  readonly params: Readonly<Record<string, ParamValue>>;
  /** The computed field's unit: numeric results are returned in it. */
  readonly unit: string | undefined;
  readonly digits: number | undefined;
  readonly env: EvaluationEnv;
}

/** A warning or blocking condition a function found in its own result (a poor fit, an endpoint). */
export interface Alert {
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
}

export interface ComputeOutcome {
  readonly value: ComputedValue;
  readonly alerts?: readonly Alert[];
}

export interface ComputedFunction {
  readonly description: string;
  readonly inputs: Readonly<Record<string, InputSpec>>;
  readonly params?: Readonly<Record<string, ParamSpec>>;
  readonly result: ResultSpec;
  /**
   * Inputs of which at least one must be present (alternatives: a linked IC50
   * or a typed one). Checked by the evaluator like required inputs.
   */
  readonly oneOf?: readonly (readonly string[])[];
  run(args: ComputeArgs): ComputeOutcome;
}

/**
 * Thrown by the readers below when an input is absent or cannot be read in
 * the unit the formula needs; the evaluator turns it into
 * `{ ok: false, missing: true, message: 'needs …' }` (the field itself
 * already shows why its value is unusable).
 */
export class MissingInput extends Error {
  readonly input: string;
  constructor(input: string) {
    super(`needs ${input}`);
    this.name = 'MissingInput';
    this.input = input;
  }
}

// ---- Reading inputs ----

/** A stored value as a number in `unit`: a quantity is converted exactly; a plain number is taken as is. */
export function quantityOf(x: unknown, unit: string): number | null {
  const q = readQuantity(x);
  if (q) return valueInUnit(q, unit);
  return readPlainNumber(x);
}

/** A plain number: a number, or a quantity's value whatever its unit (counts in "cells"). */
export function plainOf(x: unknown): number | null {
  const q = readQuantity(x);
  return q ? q.value : readPlainNumber(x);
}

/** A day number: a plain number, or a time converted to days. */
export function dayOf(x: unknown): number | null {
  const q = readQuantity(x);
  return q ? valueInUnit(q, 'd') : readPlainNumber(x);
}

/** Text of a value: a string, an enum value, or a link's label. */
export function textOf(x: unknown): string | null {
  if (typeof x === 'string') return x.trim() === '' ? null : x.trim();
  if (isLinkValue(x)) return x.label;
  return null;
}

export function has(args: ComputeArgs, name: string): boolean {
  return !isEmptyValue(args.inputs[name]);
}

/** A required quantity input in `unit`. */
export function quantity(args: ComputeArgs, name: string, unit: string): number {
  const v = quantityOf(args.inputs[name], unit);
  if (v === null) throw new MissingInput(name);
  return v;
}

/** An optional quantity input in `unit`: undefined when empty, MissingInput when present but unreadable. */
export function optionalQuantity(args: ComputeArgs, name: string, unit: string): number | undefined {
  if (!has(args, name)) return undefined;
  return quantity(args, name, unit);
}

/**
 * A required input as a stored quantity (value and unit), for calculations
 * that take units. With `families`, a quantity of another kind counts as
 * missing: its own field already reports the wrong unit.
 */
export function storedQuantity(args: ComputeArgs, name: string, families?: readonly UnitFamilyId[]): Quantity {
  const x = readQuantity(args.inputs[name]);
  if (!x) throw new MissingInput(name);
  if (families) {
    const family = familyOfUnit(x.unit);
    if (family === undefined || !families.includes(family)) throw new MissingInput(name);
  }
  return { value: x.value, unit: x.unit };
}

export function plain(args: ComputeArgs, name: string): number {
  const v = plainOf(args.inputs[name]);
  if (v === null) throw new MissingInput(name);
  return v;
}

export function optionalPlain(args: ComputeArgs, name: string): number | undefined {
  if (!has(args, name)) return undefined;
  return plain(args, name);
}

export function text(args: ComputeArgs, name: string): string {
  const v = textOf(args.inputs[name]);
  if (v === null) throw new MissingInput(name);
  return v;
}

export function optionalText(args: ComputeArgs, name: string): string | undefined {
  return textOf(args.inputs[name]) ?? undefined;
}

/** A list input (a table column); [] when absent. */
export function list(args: ComputeArgs, name: string): unknown[] {
  const v = args.inputs[name];
  return Array.isArray(v) ? v : [];
}

export function numberParam(args: ComputeArgs, name: string, fallback: number): number {
  const v = args.params[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

export function stringParam(args: ComputeArgs, name: string, fallback: string): string {
  const v = args.params[name];
  return typeof v === 'string' ? v : fallback;
}

const listMemo = new WeakMap<object, Map<string, { lists: readonly unknown[][]; value: unknown }>>();

/**
 * Memoises a computation over whole table columns. A per-row function (RTV,
 * % of day 0) needs a summary of the whole table for every row; the
 * evaluator hands every row the same column arrays, so the summary is
 * computed once per column set instead of once per row (no O(n²) tables).
 */
export function memoOverLists<T>(tag: string, lists: readonly unknown[][], compute: () => T): T {
  const first = lists[0];
  if (!first) return compute();
  let byTag = listMemo.get(first);
  if (!byTag) {
    byTag = new Map();
    listMemo.set(first, byTag);
  }
  const hit = byTag.get(tag);
  if (hit && hit.lists.length === lists.length && hit.lists.every((l, i) => l === lists[i])) return hit.value as T;
  const value = compute();
  byTag.set(tag, { lists, value });
  return value;
}

/** Pairs of (day, count) from two table columns, rows missing either left out, sorted by day. */
export function dayCountPairs(
  args: ComputeArgs,
  daysName: string,
  countsName: string,
): { day: number; count: number }[] {
  const days = list(args, daysName);
  const counts = list(args, countsName);
  return memoOverLists('dayCountPairs', [days, counts], () => {
    const pairs: { day: number; count: number }[] = [];
    for (let i = 0; i < Math.min(days.length, counts.length, 10_000); i += 1) {
      const day = dayOf(days[i]);
      const count = quantityOf(counts[i], 'cells');
      if (day !== null && count !== null) pairs.push({ day, count });
    }
    return pairs.sort((a, b) => a.day - b.day);
  });
}

// ---- Reporting results ----

function digitsOf(args: ComputeArgs): number {
  return args.digits ?? 4;
}

/** A numeric result in the field's unit (converted from `fromUnit` when given), displayed with it. */
export function numberResult(
  args: ComputeArgs,
  value: number,
  options: { fromUnit?: string; suffix?: string; flags?: string[] } = {},
): ComputedValue {
  if (!Number.isFinite(value)) return { ok: false, message: 'The result is not a finite number.' };
  let shown = value;
  let unit = args.unit;
  if (options.fromUnit !== undefined) {
    if (unit === undefined) unit = options.fromUnit;
    else {
      const converted = valueInUnit({ value, unit: options.fromUnit }, unit);
      if (converted === null) return { ok: false, message: `The result cannot be shown in ${unit}.` };
      shown = converted;
    }
  }
  const significantDigits = digitsOf(args);
  const display =
    unit !== undefined && unit !== ''
      ? formatQuantity({ value: shown, unit }, { significantDigits })
      : `${formatNumber(shown, { significantDigits })}${options.suffix ? ` ${options.suffix}` : ''}`;
  const result: ComputedValue = { ok: true, value: shown, display };
  if (unit !== undefined && unit !== '') result.unit = unit;
  if (options.flags && options.flags.length > 0) result.flags = options.flags;
  return result;
}

export function textResult(value: string, display = value, flags?: string[]): ComputedValue {
  return flags && flags.length > 0 ? { ok: true, value, display, flags } : { ok: true, value, display };
}

export function booleanResult(value: boolean, display: string, flags?: string[]): ComputedValue {
  return flags && flags.length > 0 ? { ok: true, value, display, flags } : { ok: true, value, display };
}

/** A failed calculation whose inputs were all present: shown as a problem. */
export function failed(message: string): ComputedValue {
  return { ok: false, message };
}

/** Result of a shared/calc calculation: its value, or its message as a failed result. */
export function fromCalc<T>(result: CalcResult<T>, render: (value: T) => ComputedValue): ComputeOutcome {
  return { value: result.ok ? render(result.value) : failed(result.error.message) };
}

export function outcome(value: ComputedValue, alerts?: Alert[]): ComputeOutcome {
  return alerts && alerts.length > 0 ? { value, alerts } : { value };
}

/** Reads a key of a structured (object) result, e.g. a fit's `ic50`. */
export function keyOf(x: unknown, key: string): unknown {
  return isRecord(x) ? x[key] : undefined;
}

/**
 * A result that does not apply to these inputs (the solvent % of a saline
 * stock, a doubling time while cells still die): shown greyed like a missing
 * input, never as a problem.
 */
export function notApplicable(message: string): ComputedValue {
  return { ok: false, missing: true, message };
}

/** A fraction from a percentage (9.5 % → 0.095) or a plain fraction. */
export function fractionOf(x: unknown): number | null {
  const q = readQuantity(x);
  if (q) return q.unit === '%' ? q.value / 100 : null;
  return readPlainNumber(x);
}
