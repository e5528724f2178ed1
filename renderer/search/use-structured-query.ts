import { useEffect, useState } from 'react';
import type { QueryHit } from '../../shared/templates/summaries';
import { messageOf } from '../api/api-error';
import { call } from '../api/client';

export type QueryResults =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; expr: string; hits: QueryHit[] }
  | { status: 'error'; message: string };

const DELAY_MS = 350;

/**
 * Runs a structured query ("drug = cisplatin and concentration >= 10 uM") a
 * moment after typing pauses. A query the core cannot read comes back as an
 * error whose message says why, in words.
 */
export function useStructuredQuery(query: string, generation: number, enabled: boolean): QueryResults {
  const [answer, setAnswer] = useState<{ key: string; results: QueryResults } | null>(null);
  const expr = query.trim().slice(0, 2000);
  const key = `${generation}\u0000${expr}`;
  useEffect(() => {
    if (!enabled || expr === '') return;
    let current = true;
    const timer = setTimeout(() => {
      call('query.run', { expr, limit: 100 }).then(
        (hits) => current && setAnswer({ key, results: { status: 'done', expr, hits } }),
        (error: unknown) => current && setAnswer({ key, results: { status: 'error', message: messageOf(error) } }),
      );
    }, DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [expr, key, enabled]);
  if (!enabled || expr === '') return { status: 'idle' };
  if (answer?.key === key) return answer.results;
  return answer?.results.status === 'done' ? answer.results : { status: 'searching' };
}
