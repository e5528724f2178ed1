import { messageOf } from '../api/api-error';
import { call, hasBridge } from '../api/client';
import { loadEntries } from './entry-actions';
import { getState, setState } from './store';

let started: Promise<void> | null = null;

/**
 * First load: who we are, the notebooks, and the most recently changed entry
 * open in its notebook, so the scientist picks up where they left off (a new
 * profile is seeded with the Welcome entry last, so it greets them). Runs
 * once per page, even when React mounts the app twice in development.
 */
export function bootstrap(): Promise<void> {
  started ??= load();
  return started;
}

async function load(): Promise<void> {
  if (!hasBridge()) {
    setState({ fatal: 'Persist cannot reach its notebook engine. Please restart the app.' });
    return;
  }
  try {
    const [info, notebooks, [newest]] = await Promise.all([
      call('app.info', {}),
      call('notebooks.list', {}),
      call('entries.list', { limit: 1 }),
    ]);
    setState({ info, notebooks, ready: true });
    const first = notebooks.find((n) => n.id === newest?.notebookId) ?? notebooks[0];
    if (!first) return;
    setState({ view: { kind: 'notebook', notebookId: first.id } });
    await loadEntries();
    const latest = getState().entries[0];
    if (latest && getState().openEntryId === null) setState({ openEntryId: latest.id });
  } catch (error) {
    setState({ fatal: messageOf(error) });
  }
}
