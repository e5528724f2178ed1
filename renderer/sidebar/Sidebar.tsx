import { type JSX, useState } from 'react';
import { createNotebook, selectTrash, setShowArchived } from '../state/notebook-actions';
import { useAppStore } from '../state/store';
import { Icon } from '../ui/icons';
import { InlineNameForm } from '../ui/InlineNameForm';
import { NotebookItem } from './NotebookItem';

/** Left column: notebooks, the archive switch, the Trash, and who is signed in. */
export function Sidebar(): JSX.Element {
  const notebooks = useAppStore((s) => s.notebooks);
  const view = useAppStore((s) => s.view);
  const showArchived = useAppStore((s) => s.showArchived);
  const info = useAppStore((s) => s.info);
  const [creating, setCreating] = useState(false);

  return (
    <nav className="sidebar" aria-label="Notebooks">
      <div className="sidebar-heading">
        <h2 className="sidebar-title">Notebooks</h2>
        <button
          type="button"
          className="icon-button icon-button-small"
          aria-label="New notebook"
          title="New notebook"
          onClick={() => setCreating(true)}
        >
          <Icon name="plus" />
        </button>
      </div>
      {creating && (
        <InlineNameForm
          label="Notebook name"
          submitLabel="Create"
          onCancel={() => setCreating(false)}
          onSubmit={async (name) => {
            const ok = await createNotebook(name);
            if (ok) setCreating(false);
            return ok;
          }}
        />
      )}
      {notebooks.length === 0 && !creating ? (
        <p className="sidebar-empty">No notebooks yet — create one to start.</p>
      ) : (
        <ul className="nav-list">
          {notebooks.map((notebook) => (
            <NotebookItem
              key={notebook.id}
              notebook={notebook}
              selected={view.kind === 'notebook' && view.notebookId === notebook.id}
            />
          ))}
        </ul>
      )}
      <label className="sidebar-toggle">
        <input
          type="checkbox"
          checked={showArchived}
          onChange={(event) => void setShowArchived(event.target.checked)}
        />
        Show archived
      </label>
      <ul className="nav-list nav-list-bottom">
        <li className={`nav-item${view.kind === 'trash' ? ' nav-item-selected' : ''}`}>
          <button
            type="button"
            className="nav-link"
            aria-current={view.kind === 'trash' ? 'page' : undefined}
            onClick={() => void selectTrash()}
          >
            <Icon name="trash" />
            <span className="nav-label">Trash</span>
          </button>
        </li>
      </ul>
      {info && (
        <p className="sidebar-footer" title={info.profileDir}>
          {info.user} · Persist {info.version}
        </p>
      )}
    </nav>
  );
}
