import { call } from '../api/client';
import { showError } from './notice-actions';
import { getState, setState } from './store';

/** Refreshes the sidebar (names, archive state, entry counts). */
export async function loadNotebooks(): Promise<void> {
  try {
    const notebooks = await call('notebooks.list', { includeArchived: getState().showArchived });
    setState({ notebooks });
  } catch (error) {
    showError('Could not load the notebooks', error);
  }
}
