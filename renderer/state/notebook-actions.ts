import type { Id } from '../../shared/domain/types';
import { call } from '../api/client';
import { loadEntries } from './entry-actions';
import { loadNotebooks } from './load-notebooks';
import { showError, showNotice } from './notice-actions';
import { getState, setState } from './store';

export async function selectNotebook(notebookId: Id): Promise<void> {
  setState({ view: { kind: 'notebook', notebookId }, openEntryId: null, entries: [] });
  await loadEntries();
}

export async function selectTrash(): Promise<void> {
  setState({ view: { kind: 'trash' }, openEntryId: null, entries: [] });
  await loadEntries();
}

/** Returns true when the notebook was created, so the form can close. */
export async function createNotebook(name: string): Promise<boolean> {
  try {
    const notebook = await call('notebooks.create', { name });
    await loadNotebooks();
    await selectNotebook(notebook.id);
    return true;
  } catch (error) {
    showError('Could not create the notebook', error);
    return false;
  }
}

export async function renameNotebook(id: Id, name: string): Promise<boolean> {
  try {
    await call('notebooks.rename', { id, name });
    await loadNotebooks();
    return true;
  } catch (error) {
    showError('Could not rename the notebook', error);
    return false;
  }
}

export async function setNotebookArchived(id: Id, archived: boolean): Promise<void> {
  try {
    const notebook = await call('notebooks.setArchived', { id, archived });
    await loadNotebooks();
    const { view, showArchived } = getState();
    if (archived && !showArchived) {
      showNotice(`“${notebook.name}” is archived. Turn on “Show archived” to see it again.`);
      if (view.kind === 'notebook' && view.notebookId === id)
        setState({ view: { kind: 'none' }, openEntryId: null, entries: [] });
    }
  } catch (error) {
    showError(archived ? 'Could not archive the notebook' : 'Could not unarchive the notebook', error);
  }
}

export async function setShowArchived(showArchived: boolean): Promise<void> {
  setState({ showArchived });
  await loadNotebooks();
}
