import type { IsoTime } from '../../shared/domain/types';

/** Where one kind of edit (text, title, tags) is on its way to the disk. */
export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: IsoTime }
  | { kind: 'error'; message: string; retrying: boolean };

export const IDLE: SaveState = { kind: 'idle' };

/** Whether two save states would show the same thing (so a repeat need not be reported). */
export function sameSaveState(a: SaveState, b: SaveState): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'saved' && b.kind === 'saved') return a.at === b.at;
  if (a.kind === 'error' && b.kind === 'error') return a.message === b.message && a.retrying === b.retrying;
  return true;
}

/**
 * One status line for the editor header: a failure wins (the scientist must
 * see it), then work in progress, then the latest successful save.
 */
export function combineSaveStates(states: readonly SaveState[]): SaveState {
  const error = states.find((s) => s.kind === 'error');
  if (error) return error;
  if (states.some((s) => s.kind === 'saving' || s.kind === 'pending')) return { kind: 'saving' };
  const times = states.flatMap((s) => (s.kind === 'saved' ? [s.at] : []));
  if (times.length === 0) return IDLE;
  return { kind: 'saved', at: times.reduce((a, b) => (a > b ? a : b)) };
}
