import { combineSaveStates, IDLE, type SaveState, sameSaveState } from './save-state';

/** The save state of one open entry, combined over its parts, for whoever shows it. */
export interface SaveStateSource<Part extends string> {
  /** Records where one part is; listeners hear of it only if the combined state changed. */
  set(part: Part, state: SaveState): void;
  get(): SaveState;
  /** Calls `listener` now with the current state, then on every change; returns the unsubscribe. */
  subscribe(listener: (state: SaveState) => void): () => void;
}

/**
 * Holds the combined save state outside React: it changes several times per
 * save while the scientist types (pending, saving, saved), and a React
 * commit while the caret is in the editor costs milliseconds in a long entry
 * (React DOM saves the selection before every commit by walking the
 * contenteditable up to the caret). The indicator subscribes and updates its
 * own element instead (SaveStatus).
 */
export function createSaveStateSource<Part extends string>(parts: readonly Part[]): SaveStateSource<Part> {
  const states = new Map<Part, SaveState>(parts.map((part) => [part, IDLE]));
  const listeners = new Set<(state: SaveState) => void>();
  let combined: SaveState = IDLE;
  return {
    set(part, state) {
      states.set(part, state);
      const next = combineSaveStates([...states.values()]);
      if (sameSaveState(next, combined)) return;
      combined = next;
      for (const listener of listeners) listener(combined);
    },
    get: () => combined,
    subscribe(listener) {
      listeners.add(listener);
      listener(combined);
      return () => void listeners.delete(listener);
    },
  };
}
