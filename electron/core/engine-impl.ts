import { demoExperiment } from '../../shared/demo/index';
import { PROTOCOL_BLOCK } from '../../shared/templates/block';
import { BUILTIN_TEMPLATES } from '../../shared/templates/builtin/index';
import { evaluateBlock } from '../../shared/templates/evaluate';
import { indexRowsOf, blockLabel, linkTargetsOf } from '../../shared/templates/index-rows';
import { validateTemplate } from '../../shared/templates/validate';
import { UNIT_FAMILIES, convert, familyOf, parseUnit } from '../../shared/units/index';
import type { Engine } from './engine';

/** The engine's implementation: the only core module that imports shared/templates and shared/units at run time. */
export const ENGINE: Engine = {
  parseBlock(node) {
    const parsed = PROTOCOL_BLOCK.safeParse(node);
    if (parsed.success) return { ok: true, block: parsed.data };
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
    return { ok: false, message: `${where}${issue?.message ?? 'not a protocol block'}` };
  },
  evaluateBlock,
  indexRowsOf,
  blockLabel,
  linkTargetsOf,
  validateTemplate,
  builtinTemplates: () => BUILTIN_TEMPLATES,
  demoExperiment,
  units: {
    parseUnit(text) {
      const r = parseUnit(text);
      return r.ok ? { ok: true, unit: r.value.unit } : { ok: false, message: r.error.message };
    },
    convert(value, unit, toUnit) {
      try {
        return convert({ value, unit }, toUnit).value;
      } catch {
        return null;
      }
    },
    describeUnit(unit) {
      const family = familyOf(unit);
      return family ? UNIT_FAMILIES[family].noun : null;
    },
  },
};
