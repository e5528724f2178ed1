import type { JSX } from 'react';
import { createEntry } from '../state/entry-actions';
import { setNotebookArchived } from '../state/notebook-actions';
import { useAppStore } from '../state/store';
import { EmptyState } from '../ui/EmptyState';
import { Icon } from '../ui/icons';
import { EntryListItem } from './EntryListItem';

/** Middle column: the entries of the selected notebook, or the Trash. */
export function EntryListPane(): JSX.Element {
  const view = useAppStore((s) => s.view);
  const entries = useAppStore((s) => s.entries);
  const loading = useAppStore((s) => s.entriesLoading);
  const openEntryId = useAppStore((s) => s.openEntryId);
  const notebooks = useAppStore((s) => s.notebooks);

  if (view.kind === 'none') {
    return (
      <section className="list-pane" aria-label="Entries">
        <EmptyState title="No notebook selected">Choose a notebook on the left, or create one.</EmptyState>
      </section>
    );
  }

  const inTrash = view.kind === 'trash';
  const notebook = view.kind === 'notebook' ? notebooks.find((n) => n.id === view.notebookId) : undefined;
  const archived = notebook?.archivedAt != null;
  const title = inTrash ? 'Trash' : (notebook?.name ?? 'Notebook');
  const nameOf = (id: string) => notebooks.find((n) => n.id === id)?.name;

  return (
    <section className="list-pane" aria-label={inTrash ? 'Trash' : 'Entries'} aria-busy={loading}>
      <header className="list-header">
        <h1 className="list-title">{title}</h1>
        {!inTrash && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => void createEntry()}
            disabled={archived}
            title={archived ? 'Unarchive the notebook to add entries' : undefined}
          >
            <Icon name="plus" size={14} />
            New entry
          </button>
        )}
      </header>
      {archived && notebook && (
        <div className="list-banner">
          This notebook is archived.
          <button type="button" className="link-button" onClick={() => void setNotebookArchived(notebook.id, false)}>
            Unarchive
          </button>
        </div>
      )}
      {entries.length === 0 && !loading ? (
        inTrash ? (
          <EmptyState title="The Trash is empty">
            Entries you move to the Trash appear here and can be restored.
          </EmptyState>
        ) : (
          <EmptyState title="No entries yet — create one">
            Use “New entry” to start writing in this notebook.
          </EmptyState>
        )
      ) : (
        <ul className="entry-list" aria-label={inTrash ? 'Entries in the Trash' : `Entries in ${title}`}>
          {entries.map((entry) => (
            <EntryListItem
              key={entry.id}
              entry={entry}
              selected={entry.id === openEntryId}
              inTrash={inTrash}
              notebookName={inTrash ? nameOf(entry.notebookId) : undefined}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
