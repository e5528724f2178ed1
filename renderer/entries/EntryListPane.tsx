import { type JSX, useEffect } from 'react';
import { createEntry } from '../state/entry-actions';
import { setNotebookArchived } from '../state/notebook-actions';
import { useAppStore } from '../state/store';
import { EmptyState } from '../ui/EmptyState';
import { Icon } from '../ui/icons';
import { clearSelection, selectRange, toggleSelected, useEntrySelection } from './entry-selection';
import { EntryListItem } from './EntryListItem';
import { SelectionBar } from './SelectionBar';

/** Middle column: the entries of the selected notebook, or the Trash. */
export function EntryListPane(): JSX.Element {
  const view = useAppStore((s) => s.view);
  const entries = useAppStore((s) => s.entries);
  const loading = useAppStore((s) => s.entriesLoading);
  const openEntryId = useAppStore((s) => s.openEntryId);
  const notebooks = useAppStore((s) => s.notebooks);
  const pickedIds = useEntrySelection((s) => s.ids);
  const listKey = view.kind === 'notebook' ? view.notebookId : view.kind;

  // A selection belongs to one notebook's list: another list starts without one.
  useEffect(() => clearSelection(), [listKey]);

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
  // In the list's order; an entry that left the list (moved to the Trash) leaves the selection too.
  const picked = entries.filter((e) => pickedIds.has(e.id)).map((e) => e.id);
  const order = entries.map((e) => e.id);

  return (
    <section
      className="list-pane"
      aria-label={inTrash ? 'Trash' : 'Entries'}
      aria-busy={loading}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || picked.length === 0) return;
        event.preventDefault();
        clearSelection();
      }}
    >
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
      {picked.length > 0 && <SelectionBar entryIds={picked} notebookName={title} onClear={clearSelection} />}
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
              picked={pickedIds.has(entry.id)}
              onPick={
                inTrash
                  ? undefined
                  : (range) => (range ? selectRange(entry.id, order, openEntryId) : toggleSelected(entry.id))
              }
            />
          ))}
        </ul>
      )}
    </section>
  );
}
