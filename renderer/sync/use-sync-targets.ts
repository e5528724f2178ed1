import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncTargetList } from '../../shared/ipc/sync-types';
import { call, subscribe } from '../api/client';
import { messageOf } from '../api/api-error';

/** How often the list is looked up again while the panel is open (a share may come and go). */
const REFRESH_MS = 3000;

/**
 * The sync targets as the core sees them now, kept fresh while mounted:
 * looked up on an interval, progress applied from 'sync.progress' as it
 * comes, and looked up again when a run ends.
 */
export function useSyncTargets(): {
  list: SyncTargetList | null;
  loadError: string | null;
  refresh: () => Promise<void>;
} {
  const [list, setList] = useState<SyncTargetList | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const alive = useRef(true);

  const refresh = useCallback(async () => {
    try {
      const next = await call('sync.targets', {});
      if (!alive.current) return;
      setList(next);
      setLoadError(null);
    } catch (error) {
      if (alive.current) setLoadError(messageOf(error));
    }
  }, []);

  useEffect(() => {
    alive.current = true;
    // The first look right away (as a task, not inside the effect), then on the interval.
    const first = window.setTimeout(() => void refresh(), 0);
    const timer = window.setInterval(() => void refresh(), REFRESH_MS);
    const unsubscribe = subscribe('sync.progress', (event) => {
      if (event.phase === 'done') {
        void refresh();
        return;
      }
      setList((current) =>
        current
          ? {
              ...current,
              targets: current.targets.map((t) =>
                t.id === event.targetId
                  ? { ...t, running: true, progress: { phase: event.phase, done: event.done, total: event.total } }
                  : t,
              ),
            }
          : current,
      );
    });
    return () => {
      alive.current = false;
      window.clearTimeout(first);
      window.clearInterval(timer);
      unsubscribe();
    };
  }, [refresh]);

  return { list, loadError, refresh };
}
