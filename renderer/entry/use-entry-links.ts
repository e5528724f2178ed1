import { useEffect, useState } from 'react';
import type { Id } from '../../shared/domain/types';
import type { Backlink, LineageNode } from '../../shared/templates/summaries';
import { messageOf } from '../api/api-error';
import { call } from '../api/client';
import { useAppStore } from '../state/store';

export type LinksLoad =
  | { status: 'loading' }
  | { status: 'ready'; backlinks: Backlink[]; lineage: LineageNode[] }
  | { status: 'error'; message: string };

const SETTLE_MS = 800;

/**
 * Back-links to an entry and the lineage its blocks belong to. Asked again a
 * moment after the entry is saved, since a new link changes the lineage.
 */
export function useEntryLinks(entryId: Id): LinksLoad {
  const savedAt = useAppStore((s) => s.entries.find((e) => e.id === entryId)?.updatedAt);
  const [load, setLoad] = useState<{ key: string; value: LinksLoad } | null>(null);
  const key = `${entryId}\u0000${savedAt ?? ''}`;
  useEffect(() => {
    let current = true;
    const timer = setTimeout(
      () => {
        Promise.all([call('blocks.backlinks', { entryId }), call('lineage.get', { entryId })]).then(
          ([backlinks, lineage]) => current && setLoad({ key, value: { status: 'ready', backlinks, lineage } }),
          (error: unknown) => current && setLoad({ key, value: { status: 'error', message: messageOf(error) } }),
        );
      },
      load === null ? 0 : SETTLE_MS,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `load` only decides the first delay; asking again is driven by the key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entryId, key]);
  // Between saves the previous answer stays on screen.
  return load?.value ?? { status: 'loading' };
}
