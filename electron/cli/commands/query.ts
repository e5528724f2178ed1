import { createHandlers, dispatch, loadEngine } from '../../core/lazy';
import type { QueryHit } from '../../../shared/templates/summaries';
import { CliError, EXIT, printJson, usageError, type Command } from '../command';
import { openExistingProfile } from '../profile-arg';

/** The query with a caret under the column an error names, for a terminal. */
export function pointAt(expr: string, message: string): string {
  const m = /at column (\d+)/.exec(message);
  if (!m || expr.includes('\n')) return '';
  const column = Math.min(Number(m[1]), expr.length + 1);
  return `  ${expr}\n  ${' '.repeat(column - 1)}^\n`;
}

export const queryCommand: Command = {
  name: 'query',
  summary: 'find protocol blocks by their values (e.g. "drug = cisplatin and concentration >= 10 uM")',
  synopsis: "query --profile DIR 'EXPRESSION' [--limit N] [--json]",
  description: [
    'Runs a structured query over the values of protocol blocks, the way the app',
    'does (docs/QUERY.md): comparisons = != < <= > >= on numbers with units',
    '(unit-aware: ">= 0.01 mM" matches 15 µM), = != ~ (contains) on text,',
    'and/or/not, parentheses, and "in TEMPLATE" to search some templates only.',
    'Entries in the trash are left out. A query that does not parse exits 2 and',
    'points at the column of the problem.',
    '',
    'examples:',
    "  persist query --profile DIR 'drug = cisplatin and concentration >= 10 uM in persister-induction'",
    "  persist query --profile DIR 'persister_fraction < 5 %'",
    "  persist query --profile DIR 'model_id = NCI-H69 or name ~ h69' --json",
  ].join('\n'),
  options: { limit: { type: 'string' } },
  optionHelp: ['--limit N       at most N blocks (1-1000, default 100)'],
  profile: 'existing',
  positionals: { min: 1, max: Number.POSITIVE_INFINITY },
  async run({ values, positionals, profileDir, json, io }) {
    const expr = positionals.join(' ');
    if (expr.trim() === '') throw usageError('the query is empty');
    let limit = 100;
    if (values.limit !== undefined) {
      limit = Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw usageError('--limit must be a whole number from 1 to 1000');
    }
    await loadEngine();
    const ctx = openExistingProfile(profileDir as string);
    try {
      const result = await dispatch(createHandlers(ctx), 'query.run', { expr, limit }, () => undefined);
      if (!result.ok) {
        if (result.code === 'invalid_input' && !json)
          io.stderr(`persist: ${result.message}\n${pointAt(expr, result.message)}`);
        const error = new CliError(
          result.code === 'invalid_input' ? EXIT.usage : EXIT.internal,
          result.code,
          result.message,
        );
        if (result.code === 'invalid_input' && !json) {
          // Already reported with the caret; main's report would repeat the message.
          return error.exitCode;
        }
        throw error;
      }
      const hits = result.data as QueryHit[];
      if (json) {
        printJson(io, { ok: true, query: expr, count: hits.length, hits });
      } else {
        io.stdout(`${hits.length} block${hits.length === 1 ? ' matches' : 's match'} "${expr}"\n`);
        for (const hit of hits) {
          io.stdout(
            `\n${hit.entryTitle}  (${hit.notebookName}; ${hit.templateId}; entry ${hit.entryId}, block ${hit.blockId})\n`,
          );
          for (const m of hit.matched) io.stdout(`  ${m.display}\n`);
        }
      }
      return EXIT.ok;
    } finally {
      ctx.close();
    }
  },
};
