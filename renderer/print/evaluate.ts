import type { BlockValues } from '../../shared/templates/block';
import type { TemplateDefinition } from '../../shared/templates/definition';
import { evaluateBlock } from '../../shared/templates/evaluate';
import type { BlockEvaluation, EvaluationEnv } from '../../shared/templates/evaluation';

/**
 * evaluateBlock, the function the editor and the core call, so the PDF shows
 * the same numbers. A bug in one calculation becomes a printed message on its
 * block rather than a PDF that cannot be made.
 */
export function evaluateForPrint(
  template: TemplateDefinition,
  values: BlockValues,
  env: EvaluationEnv,
): BlockEvaluation {
  try {
    return evaluateBlock(template, values, env);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      computed: {},
      rows: {},
      problems: [
        {
          severity: 'warning',
          code: 'engine',
          message: `The calculations of this block could not run: ${message}`,
          fieldId: null,
        },
      ],
      blocking: false,
    };
  }
}
