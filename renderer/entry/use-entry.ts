import { useEffect, useState } from 'react';
import type { Entry, Id } from '../../shared/domain/types';
import { messageOf } from '../api/api-error';
import { call } from '../api/client';

export type EntryLoad =
  | { status: 'loading' }
  /** `generation` is new on every load, so a view keyed by it restarts with fresh content. */
  | { status: 'ready'; entry: Entry; generation: number }
  | { status: 'error'; message: string };

let loads = 0;

/** Loads one entry with its content; `reload` changes to fetch it again. */
export function useEntry(id: Id, reload: number): EntryLoad {
  const [load, setLoad] = useState<EntryLoad>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    call('entries.get', { id }).then(
      (entry) => current && setLoad({ status: 'ready', entry, generation: ++loads }),
      (error: unknown) => current && setLoad({ status: 'error', message: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [id, reload]);
  return load;
}
