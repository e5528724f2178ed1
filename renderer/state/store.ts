import { create } from 'zustand';
import type { AppInfo, EntrySummary, Id, Notebook } from '../../shared/domain/types';

/** What the middle column shows. */
export type View = { kind: 'notebook'; notebookId: Id } | { kind: 'trash' } | { kind: 'none' };

export interface Notice {
  id: number;
  text: string;
  kind: 'info' | 'error';
}

export interface AppState {
  /** False until the first notebook list has loaded. */
  ready: boolean;
  /** A problem that stops the app from starting at all. */
  fatal: string | null;
  info: AppInfo | null;
  notebooks: Notebook[];
  showArchived: boolean;
  view: View;
  entries: EntrySummary[];
  entriesLoading: boolean;
  openEntryId: Id | null;
  /** Set when an entry was just created, so its title field takes focus. */
  freshEntryId: Id | null;
  notice: Notice | null;
}

export const initialState: AppState = {
  ready: false,
  fatal: null,
  info: null,
  notebooks: [],
  showArchived: false,
  view: { kind: 'none' },
  entries: [],
  entriesLoading: false,
  openEntryId: null,
  freshEntryId: null,
  notice: null,
};

/**
 * The app's shared state: plain data only. Changes go through the functions in
 * the *-actions.ts files, which talk to the core and then set state here.
 */
export const useAppStore = create<AppState>()(() => initialState);

export const getState = useAppStore.getState;
export const setState = useAppStore.setState;
