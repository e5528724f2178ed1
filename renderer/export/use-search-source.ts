import { useEffect, useState } from 'react';
import type { SearchHit } from '../../shared/domain/types';
import { call } from '../api/client';
import { messageOf } from '../api/api-error';

/** As many results as search.query gives at once: the most a search export prints. */
const LIMIT = 200;
const DEBOUNCE_MS = 200;

export type SearchSourceState =
  | { status: 'empty' }
  | { status: 'searching' }
  | { status: 'done'; hits: SearchHit[] }
  | { status: 'error'; message: string };

/** The entries a search typed in the export dialog finds, in the search's order (best first). */
export function useSearchSource(query: string): SearchSourceState {
  // The answer for one query; a query without its answer yet is "searching".
  const [answer, setAnswer] = useState<{ q: string; state: SearchSourceState } | null>(null);
  const q = query.trim();

  useEffect(() => {
    if (q === '') return;
    let current = true;
    const timer = window.setTimeout(() => {
      call('search.query', { q, limit: LIMIT })
        .then((hits) => current && setAnswer({ q, state: { status: 'done', hits } }))
        .catch((error: unknown) => current && setAnswer({ q, state: { status: 'error', message: messageOf(error) } }));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [q]);

  if (q === '') return { status: 'empty' };
  return answer?.q === q ? answer.state : { status: 'searching' };
}
