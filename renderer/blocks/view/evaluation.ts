import { useDeferredValue, useMemo } from 'react';
import type { BlockValues } from '../../../shared/templates/block';
import type { TemplateDefinition } from '../../../shared/templates/definition';
import type { BlockEvaluation, EvaluationEnv, Problem } from '../../../shared/templates/evaluation';
import { messageOf } from '../../api/api-error';
import { useAppStore } from '../../state/store';
import { evaluateBlock } from '../engine';

function localDate(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Today and the signed-in user, for placeholders and "days since" values; stable between renders. */
export function useEvaluationEnv(): EvaluationEnv {
  const user = useAppStore((s) => s.info?.user ?? '');
  const today = localDate();
  return useMemo(() => ({ today, user }), [today, user]);
}

/** evaluateBlock, but a bug in a computation becomes a message on the block, never a blank editor. */
export function safeEvaluate(template: TemplateDefinition, values: BlockValues, env: EvaluationEnv): BlockEvaluation {
  try {
    return evaluateBlock(template, values, env);
  } catch (error) {
    const problem: Problem = {
      severity: 'warning',
      code: 'engine',
      message: `The checks and calculations of this block could not run: ${messageOf(error)}`,
      fieldId: null,
    };
    return { computed: {}, rows: {}, problems: [problem], blocking: false };
  }
}

/**
 * Evaluates one block when its values change (and only then). The values are
 * deferred, so a keystroke paints first and a 4PL fit follows.
 */
export function useBlockEvaluation(
  template: TemplateDefinition,
  values: BlockValues,
  env: EvaluationEnv,
): BlockEvaluation {
  const deferred = useDeferredValue(values);
  return useMemo(() => safeEvaluate(template, deferred, env), [template, deferred, env]);
}

export interface ProblemIndex {
  /** Problems about a field as a whole (not one table cell). */
  byField: ReadonlyMap<string, readonly Problem[]>;
  /** Table cells: "table/rowId/columnId" (rowId and columnId may be empty for a whole row or column). */
  byCell: ReadonlyMap<string, readonly Problem[]>;
  /** Rules and problems not tied to a field shown on the form. */
  blockLevel: readonly Problem[];
  blocking: number;
  warnings: number;
}

export const cellKey = (fieldId: string, rowId = '', columnId = '') => `${fieldId}/${rowId}/${columnId}`;

function push(map: Map<string, Problem[]>, key: string, problem: Problem) {
  const list = map.get(key);
  if (list) list.push(problem);
  else map.set(key, [problem]);
}

/** Two problem lists say the same thing (for memoised fields, whose lists are rebuilt on each evaluation). */
export function sameProblems(a: readonly Problem[] | undefined, b: readonly Problem[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((p, i) => {
    const q = b[i];
    return q !== undefined && p.severity === q.severity && p.code === q.code && p.message === q.message;
  });
}

/** Sorts problems to where they are shown: next to a field, in a table cell, or at the top of the block. */
export function useProblemIndex(problems: readonly Problem[], fieldIds: ReadonlySet<string>): ProblemIndex {
  return useMemo(() => {
    const byField = new Map<string, Problem[]>();
    const byCell = new Map<string, Problem[]>();
    const blockLevel: Problem[] = [];
    for (const problem of problems) {
      if (problem.fieldId === null || !fieldIds.has(problem.fieldId)) blockLevel.push(problem);
      else if (problem.rowId !== undefined || problem.columnId !== undefined) {
        push(byCell, cellKey(problem.fieldId, problem.rowId, problem.columnId), problem);
      } else push(byField, problem.fieldId, problem);
    }
    return {
      byField,
      byCell,
      blockLevel,
      blocking: problems.filter((p) => p.severity === 'block').length,
      warnings: problems.filter((p) => p.severity === 'warning').length,
    };
  }, [problems, fieldIds]);
}
