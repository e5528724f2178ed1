import { useEffect } from 'react';
import { subscribe } from '../api/client';
import { loadEntries } from '../state/entry-actions';

/** When another window changes an entry, the list here shows the new title and time. */
export function useEntryEvents(): void {
  useEffect(() => subscribe('entries.changed', () => void loadEntries()), []);
}
