import type { EntrySummary, Id, IsoTime, SearchHit } from '../../shared/domain/types';
import { call } from '../api/client';
import { sortEntries, upsertEntry } from './entries-order';
import { loadNotebooks } from './load-notebooks';
import { showError, showNotice } from './notice-actions';
import { flushOpenSession } from './open-session';
import { getState, setState, type View } from './store';

const sameView = (a: View, b: View) =>
  a.kind === b.kind && (a.kind !== 'notebook' || (b.kind === 'notebook' && a.notebookId === b.notebookId));

/** Loads the entry list for the current view; a reply for a view left meanwhile is dropped. */
export async function loadEntries(): Promise<void> {
  const view = getState().view;
  if (view.kind === 'none') return setState({ entries: [], entriesLoading: false });
  setState({ entriesLoading: true });
  try {
    const entries =
      view.kind === 'trash'
        ? await call('entries.list', { trashed: true })
        : await call('entries.list', { notebookId: view.notebookId });
    if (sameView(getState().view, view)) setState({ entries: sortEntries(entries), entriesLoading: false });
  } catch (error) {
    if (sameView(getState().view, view)) setState({ entriesLoading: false });
    showError('Could not load the entries', error);
  }
}

export function openEntry(id: Id | null): void {
  setState({ openEntryId: id, freshEntryId: null });
}

export async function createEntry(): Promise<void> {
  const { view } = getState();
  if (view.kind !== 'notebook') return;
  try {
    const entry = await call('entries.create', { notebookId: view.notebookId });
    setState((s) => ({ entries: upsertEntry(s.entries, entry), openEntryId: entry.id, freshEntryId: entry.id }));
    void loadNotebooks();
  } catch (error) {
    showError('Could not create the entry', error);
  }
}

/** Applies a changed summary (title, tags, time) from the core to the list. */
export function applySummary(summary: EntrySummary): void {
  setState((s) => ({
    entries: s.entries.some((e) => e.id === summary.id) ? upsertEntry(s.entries, summary) : s.entries,
  }));
}

/** The open entry's blocks changed their worst problem: the list marks it before the core is asked again. */
export function setEntryProblemLevel(id: Id, problemLevel: EntrySummary['problemLevel']): void {
  const entry = getState().entries.find((e) => e.id === id);
  if (entry && entry.problemLevel !== problemLevel) applySummary({ ...entry, problemLevel });
}

/** After a draft save: the entry moves to the top of the list with its new time. */
export function touchEntry(id: Id, updatedAt: IsoTime): void {
  const entry = getState().entries.find((e) => e.id === id);
  if (entry) applySummary({ ...entry, updatedAt });
}

export async function trashEntry(id: Id): Promise<void> {
  try {
    await flushOpenSession(id);
    const summary = await call('entries.trash', { id });
    setState((s) => ({
      entries: s.entries.filter((e) => e.id !== id),
      openEntryId: s.openEntryId === id ? null : s.openEntryId,
    }));
    showNotice(`“${summary.title}” was moved to the Trash.`);
    void loadNotebooks();
  } catch (error) {
    showError('Could not move the entry to the Trash', error);
  }
}

export async function restoreEntry(id: Id): Promise<void> {
  try {
    const summary = await call('entries.restore', { id });
    const notebook = getState().notebooks.find((n) => n.id === summary.notebookId);
    setState((s) => ({
      entries: s.view.kind === 'trash' ? s.entries.filter((e) => e.id !== id) : s.entries,
      openEntryId: s.openEntryId === id ? null : s.openEntryId,
    }));
    showNotice(`“${summary.title}” was restored${notebook ? ` to ${notebook.name}` : ''}.`);
    void loadNotebooks();
  } catch (error) {
    showError('Could not restore the entry', error);
  }
}

/** Opens a search result: its notebook in the middle column, the entry on the right. */
export async function openSearchHit(hit: SearchHit): Promise<void> {
  const { view } = getState();
  if (view.kind !== 'notebook' || view.notebookId !== hit.notebookId) {
    setState({ view: { kind: 'notebook', notebookId: hit.notebookId }, entries: [] });
    void loadEntries();
  }
  setState({ openEntryId: hit.entryId, freshEntryId: null });
}
