import type { JSX } from 'react';
import type { SaveState } from '../autosave/save-state';
import { clockTime, fullTime } from '../lib/time';

function describe(state: SaveState): string {
  switch (state.kind) {
    case 'idle':
      return '';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved ${clockTime(state.at)}`;
    case 'error':
      return `Not saved: ${state.message}${state.retrying ? ' Retrying…' : ''} Your text is kept here.`;
  }
}

/** The autosave indicator in the entry header; there is no Save button. */
export function SaveStatus({ state }: { state: SaveState }): JSX.Element {
  return (
    <p
      className={`save-status save-status-${state.kind}`}
      role="status"
      aria-label="Save status"
      data-state={state.kind}
      title={state.kind === 'saved' ? `Saved at ${fullTime(state.at)}` : undefined}
    >
      {describe(state)}
    </p>
  );
}
