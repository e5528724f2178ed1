import { useEffect, useState } from 'react';
import type { SearchHit } from '../../shared/domain/types';
import { messageOf } from '../api/api-error';
import { call } from '../api/client';

export type SearchResults =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; query: string; hits: SearchHit[] }
  | { status: 'error'; message: string };

const DELAY_MS = 180;

/**
 * Full-text search as you type, a moment after typing pauses. Each answer is
 * stored with the question it answers, so a late answer to an old query is
 * never shown as the answer to the current one.
 */
export function useSearch(query: string, generation: number): SearchResults {
  const [answer, setAnswer] = useState<{ key: string; results: SearchResults } | null>(null);
  const q = query.trim().slice(0, 500);
  const key = `${generation}\u0000${q}`;

  useEffect(() => {
    if (q === '') return;
    let current = true;
    const timer = setTimeout(() => {
      call('search.query', { q, limit: 30 }).then(
        (hits) => current && setAnswer({ key, results: { status: 'done', query: q, hits } }),
        (error: unknown) => current && setAnswer({ key, results: { status: 'error', message: messageOf(error) } }),
      );
    }, DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q, key]);

  if (q === '') return { status: 'idle' };
  if (answer?.key === key) return answer.results;
  // While the next answer is on its way, keep the previous hits on screen rather than flicker.
  return answer?.results.status === 'done' && answer.results.hits.length > 0 ? answer.results : { status: 'searching' };
}
