import { type JSX, useState } from 'react';
import type { Notebook } from '../../shared/domain/types';
import { renameNotebook, selectNotebook, setNotebookArchived } from '../state/notebook-actions';
import { Icon } from '../ui/icons';
import { InlineNameForm } from '../ui/InlineNameForm';
import { ExportNotebookButton } from '../export/ExportNotebookButton';

/** One notebook in the sidebar: select it, rename it in place, archive or unarchive it. */
export function NotebookItem({ notebook, selected }: { notebook: Notebook; selected: boolean }): JSX.Element {
  const [renaming, setRenaming] = useState(false);
  const archived = notebook.archivedAt !== null;

  if (renaming) {
    return (
      <li className="nav-item nav-item-editing">
        <InlineNameForm
          label={`New name for ${notebook.name}`}
          initial={notebook.name}
          submitLabel="Rename"
          onCancel={() => setRenaming(false)}
          onSubmit={async (name) => {
            const ok = await renameNotebook(notebook.id, name);
            if (ok) setRenaming(false);
            return ok;
          }}
        />
      </li>
    );
  }

  return (
    <li className={`nav-item${selected ? ' nav-item-selected' : ''}${archived ? ' nav-item-archived' : ''}`}>
      <button
        type="button"
        className="nav-link"
        aria-current={selected ? 'page' : undefined}
        onClick={() => void selectNotebook(notebook.id)}
      >
        <Icon name="notebook" />
        <span className="nav-label">{notebook.name}</span>
        {archived ? (
          <span className="badge">Archived</span>
        ) : (
          <span
            className="nav-count"
            aria-label={`${notebook.entryCount} ${notebook.entryCount === 1 ? 'entry' : 'entries'}`}
          >
            {notebook.entryCount}
          </span>
        )}
      </button>
      <span className="nav-actions">
        <ExportNotebookButton notebook={notebook} />
        <button
          type="button"
          className="icon-button icon-button-small"
          aria-label={`Rename notebook ${notebook.name}`}
          title="Rename"
          onClick={() => setRenaming(true)}
        >
          <Icon name="pencil" size={14} />
        </button>
        <button
          type="button"
          className="icon-button icon-button-small"
          aria-label={`${archived ? 'Unarchive' : 'Archive'} notebook ${notebook.name}`}
          title={archived ? 'Unarchive' : 'Archive'}
          onClick={() => void setNotebookArchived(notebook.id, !archived)}
        >
          <Icon name={archived ? 'unarchive' : 'archive'} size={14} />
        </button>
      </span>
    </li>
  );
}
