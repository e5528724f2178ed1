import { createHandlers, dispatch } from '../../core/lazy';
import { SNIPPET_CLOSE, SNIPPET_OPEN, type SearchHit } from '../../../shared/domain/types';
import { CliError, EXIT, printJson, usageError, type Command } from '../command';
import { openExistingProfile } from '../profile-arg';

/**
 * Shows the core's snippet match marks (control characters meant for the UI)
 * as [brackets], and folds line breaks and tabs so each hit stays on one line.
 */
export function plainSnippet(snippet: string): string {
  return snippet.split(SNIPPET_OPEN).join('[').split(SNIPPET_CLOSE).join(']').replace(/\s+/g, ' ').trim();
}

export const searchCommand: Command = {
  name: 'search',
  summary: 'full-text search over titles, text and tags',
  synopsis: 'search --profile DIR QUERY… [--limit N] [--json]',
  description: [
    'Searches every entry not in the trash the way the app does: each word must',
    'appear, the last one as a prefix. Matches are shown in [brackets].',
  ].join('\n'),
  options: { limit: { type: 'string' } },
  optionHelp: ['--limit N       at most N hits (1-200, default 20)'],
  profile: 'existing',
  positionals: { min: 1, max: Number.POSITIVE_INFINITY },
  async run({ values, positionals, profileDir, json, io }) {
    const query = positionals.join(' ');
    if (query.trim() === '') throw usageError('the search text is empty');
    let limit = 20;
    if (values.limit !== undefined) {
      limit = Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200)
        throw usageError('--limit must be a whole number from 1 to 200');
    }
    const ctx = openExistingProfile(profileDir as string);
    try {
      // Through dispatch, like the app: the same input checks and error codes.
      const result = await dispatch(createHandlers(ctx), 'search.query', { q: query, limit }, () => undefined);
      if (!result.ok) {
        throw new CliError(
          result.code === 'invalid_input' ? EXIT.usage : EXIT.internal,
          result.code,
          result.message,
          false,
        );
      }
      const hits = (result.data as SearchHit[]).map((h) => ({ ...h, snippet: plainSnippet(h.snippet) }));
      if (json) {
        printJson(io, { ok: true, query, count: hits.length, hits });
      } else {
        io.stdout(`${hits.length} hit${hits.length === 1 ? '' : 's'} for "${query}"\n`);
        for (const hit of hits) {
          io.stdout(`\n${hit.title}  (${hit.notebookName}, ${hit.updatedAt}, ${hit.entryId})\n  ${hit.snippet}\n`);
        }
      }
      return EXIT.ok;
    } finally {
      ctx.close();
    }
  },
};
