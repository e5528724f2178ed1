import { TEMPLATE_DEFINITION, type TemplateDefinition } from './definition';
import { templateIssues } from './semantics';

/**
 * Accepting a template definition (an import, a new version, a built-in at
 * test time): the JSON schema (definition.ts) and then the semantic checks
 * (semantics.ts). The message names every problem found, so whoever wrote
 * the JSON can fix it in one pass.
 */

export type TemplateValidation =
  { ok: true; template: TemplateDefinition } | { ok: false; message: string; issues: string[] };

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

function summary(issues: readonly string[]): string {
  const shown = issues.slice(0, 10).join('; ');
  const more = issues.length > 10 ? `; and ${issues.length - 10} more` : '';
  return `Invalid template: ${shown}${more}.`;
}

/**
 * Validates a template definition. `known` templates (the installed ones)
 * let link snapshots be checked against the fields of their targets.
 */
export function validateTemplate(json: unknown, known: readonly TemplateDefinition[] = []): TemplateValidation {
  const parsed = TEMPLATE_DEFINITION.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => {
      const where = pathOf(issue.path);
      return where === '' ? issue.message : `${where}: ${issue.message}`;
    });
    return { ok: false, message: summary(issues), issues };
  }
  let issues: string[];
  try {
    issues = templateIssues(parsed.data, [...known, parsed.data]);
  } catch (e) {
    issues = [`the definition could not be checked (${(e as Error).message})`];
  }
  if (issues.length > 0) return { ok: false, message: summary(issues), issues };
  return { ok: true, template: parsed.data };
}
