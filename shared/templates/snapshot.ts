import type { BlockValues, LinkValue } from './block';
import { compileTemplate } from './compile';
import type { LinkFieldDefinition, TemplateDefinition } from './definition';
import { evaluateBlock } from './evaluate';
import type { BlockEvaluation, EvaluationEnv } from './evaluation';
import { blockLabel } from './label';
import { isRecord } from './values';

/**
 * Making a link: the LinkValue a link field stores when the scientist picks a
 * block. The snapshot copies the values the linking template computes with
 * (a stock's molarity, an IC50), so its computed values do not change when
 * the linked entry is edited later, and so they work offline and in exports.
 * Computed values of the linked block are copied as they are shown: numbers
 * with their unit as a stored quantity ({ value, unit }), others as plain
 * values; a computed value that is not available is left out.
 */

function copy(value: unknown): unknown {
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/** The snapshot of `keys` of a block's values (stored values copied, computed values evaluated). */
export function snapshotOf(
  template: TemplateDefinition,
  values: BlockValues,
  keys: readonly string[],
  env: EvaluationEnv,
  evaluation?: BlockEvaluation,
): Record<string, unknown> {
  const compiled = compileTemplate(template);
  const vals = isRecord(values) ? values : {};
  let evald = evaluation ?? null;
  const snapshot: Record<string, unknown> = {};
  for (const key of keys) {
    const field = compiled.byId.get(key);
    if (!field) continue;
    if (field.type === 'computed') {
      evald ??= evaluateBlock(template, vals, env);
      const c = evald.computed[key];
      if (!c?.ok) continue;
      snapshot[key] =
        typeof c.value === 'number' && c.unit !== undefined ? { value: c.value, unit: c.unit } : copy(c.value);
      continue;
    }
    const value = copy(vals[key]);
    if (value !== undefined) snapshot[key] = value;
  }
  return snapshot;
}

/** The block a link points at, as the picker (or the demo data) knows it. */
export interface LinkTargetBlock {
  entryId: string;
  blockId: string;
  template: TemplateDefinition;
  values: BlockValues;
  /** Shown on the link; defaults to the block's label. */
  label?: string;
}

/** The LinkValue a link field (or link column) stores for `target`. */
export function makeLinkValue(
  field: Pick<LinkFieldDefinition, 'snapshot'>,
  target: LinkTargetBlock,
  env: EvaluationEnv,
): LinkValue {
  const evaluation = evaluateBlock(target.template, target.values, env);
  const link: LinkValue = {
    entryId: target.entryId,
    blockId: target.blockId,
    label: (target.label ?? blockLabel(target.template, target.values, evaluation)).slice(0, 300),
    templateId: target.template.id,
  };
  const keys = field.snapshot ?? [];
  if (keys.length > 0) link.snapshot = snapshotOf(target.template, target.values, keys, env, evaluation);
  return link;
}
