import { type JSX, useLayoutEffect, useRef } from 'react';
import type { SaveState } from '../autosave/save-state';
import type { SaveStateSource } from '../autosave/save-state-source';
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

function show(element: HTMLElement, state: SaveState): void {
  element.className = `save-status save-status-${state.kind}`;
  element.dataset.state = state.kind;
  element.textContent = describe(state);
  if (state.kind === 'saved') element.title = `Saved at ${fullTime(state.at)}`;
  else element.removeAttribute('title');
}

/**
 * The autosave indicator in the entry header; there is no Save button. It
 * writes each new state into its element rather than rendering it: the state
 * changes while the scientist types, and that must not cost a React commit
 * (see createSaveStateSource).
 */
export function SaveStatus({ source }: { source: SaveStateSource<string> }): JSX.Element {
  const element = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    const target = element.current;
    if (!target) return;
    return source.subscribe((state) => show(target, state));
  }, [source]);
  return (
    <p
      ref={element}
      className="save-status save-status-idle"
      role="status"
      aria-label="Save status"
      data-state="idle"
    />
  );
}
