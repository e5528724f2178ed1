// The entry header's save indicator is fed from outside React (see
// renderer/autosave/save-state-source.ts): what it shows must still be the
// combined state of the text, the title and the tags, and it must hear of
// each change once.
import { describe, expect, it } from 'vitest';
import type { SaveState } from '../../renderer/autosave/save-state';
import { createSaveStateSource } from '../../renderer/autosave/save-state-source';

const at = '2026-11-26T10:15:00.000Z';

function watched() {
  const source = createSaveStateSource(['content', 'title', 'tags'] as const);
  const heard: SaveState[] = [];
  const unsubscribe = source.subscribe((state) => heard.push(state));
  return { source, heard, unsubscribe };
}

describe('save state source', () => {
  it('tells a new listener the current state at once', () => {
    const { heard } = watched();
    expect(heard).toEqual([{ kind: 'idle' }]);
  });

  it('reports typing, saving and saved once each, not once per keystroke', () => {
    const { source, heard } = watched();
    for (let key = 0; key < 30; key += 1) source.set('content', { kind: 'pending' });
    source.set('content', { kind: 'saving' });
    source.set('content', { kind: 'saved', at });
    source.set('content', { kind: 'saved', at });
    // Pending and saving both read "Saving…": one change, not two.
    expect(heard).toEqual([{ kind: 'idle' }, { kind: 'saving' }, { kind: 'saved', at }]);
  });

  it('shows a failure of any part until it is resolved, then the latest save', () => {
    const { source, heard } = watched();
    source.set('content', { kind: 'saved', at });
    source.set('title', { kind: 'error', message: 'disk full', retrying: true });
    source.set('content', { kind: 'pending' });
    expect(source.get()).toEqual({ kind: 'error', message: 'disk full', retrying: true });
    const later = '2026-11-26T10:16:00.000Z';
    source.set('title', { kind: 'saved', at: later });
    source.set('content', { kind: 'saved', at });
    expect(heard.at(-1)).toEqual({ kind: 'saved', at: later });
  });

  it('stops telling a listener that unsubscribed', () => {
    const { source, heard, unsubscribe } = watched();
    unsubscribe();
    source.set('tags', { kind: 'saving' });
    expect(heard).toEqual([{ kind: 'idle' }]);
  });
});
