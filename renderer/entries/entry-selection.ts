import { create } from 'zustand';
import type { Id } from '../../shared/domain/types';

interface EntrySelectionState {
  /** The entries picked in the list (for a batch export), apart from the one open. */
  ids: ReadonlySet<Id>;
  /** Where a Shift+click range starts: the entry last toggled. */
  anchor: Id | null;
}

/**
 * The entries picked in the middle column with Ctrl/Cmd+click or Shift+click.
 * Kept apart from the app store: it belongs to the list alone and is cleared
 * whenever the list shows another notebook.
 */
export const useEntrySelection = create<EntrySelectionState>()(() => ({ ids: new Set(), anchor: null }));

/** Adds an entry to the selection, or takes it out. */
export function toggleSelected(id: Id): void {
  useEntrySelection.setState(({ ids }) => {
    const next = new Set(ids);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return { ids: next, anchor: id };
  });
}

/**
 * Selects every entry from the anchor (or `fallback`, the open entry, when
 * nothing was toggled yet) to `id`, in the list's order, replacing the rest.
 * The anchor stays, so a second Shift+click reshapes the same range.
 */
export function selectRange(id: Id, order: readonly Id[], fallback: Id | null): void {
  const { anchor } = useEntrySelection.getState();
  const start = order.indexOf(anchor ?? fallback ?? id);
  const end = order.indexOf(id);
  if (end < 0) return;
  const from = start < 0 ? end : start;
  const range = order.slice(Math.min(from, end), Math.max(from, end) + 1);
  useEntrySelection.setState({ ids: new Set(range), anchor: order[from] ?? id });
}

export function clearSelection(): void {
  useEntrySelection.setState({ ids: new Set(), anchor: null });
}
