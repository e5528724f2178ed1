import { type JSX, useEffect, useState } from 'react';
import type { Id } from '../../shared/domain/types';
import { subscribe } from '../api/client';
import { getOpenSession } from '../state/open-session';
import { useAppStore } from '../state/store';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { EntryView } from './EntryView';
import { useEntry } from './use-entry';

/** The right pane: the open entry, or a hint when none is open. */
export function EntryPane(): JSX.Element {
  const openEntryId = useAppStore((s) => s.openEntryId);
  return (
    <main className="entry-pane" aria-label="Entry">
      {openEntryId === null ? (
        <EmptyState title="No entry open">Select an entry from the list, or create a new one.</EmptyState>
      ) : (
        <EntryLoader key={openEntryId} id={openEntryId} />
      )}
    </main>
  );
}

function EntryLoader({ id }: { id: Id }): JSX.Element {
  const [reload, setReload] = useState(0);
  const load = useEntry(id, reload);

  // Another window saved this entry and this one has nothing unsaved: show
  // the newer text. With unsaved edits here, the core keeps both versions.
  useEffect(
    () =>
      subscribe('entries.changed', (event) => {
        const session = getOpenSession();
        if (event.entryId !== id || !session || session.entryId !== id || session.hasUnsaved()) return;
        if (event.draftVersion > session.knownVersion()) setReload((n) => n + 1);
      }),
    [id],
  );

  if (load.status === 'loading') return <div className="entry-loading" aria-busy="true" />;
  if (load.status === 'error') {
    return (
      <div className="panel-message" role="alert">
        <p className="panel-message-title">This entry could not be opened.</p>
        <p className="panel-message-detail">{load.message}</p>
      </div>
    );
  }
  return (
    <ErrorBoundary what="This entry could not be displayed">
      <EntryView key={load.generation} entry={load.entry} />
    </ErrorBoundary>
  );
}
