import { useCallback, useEffect, useRef, useState } from 'react';
import type { Entry } from '../../shared/domain/types';
import { createSaveStateSource } from '../autosave/save-state-source';
import { registerOpenSession } from '../state/open-session';
import { type ContentSnapshot, createEntrySession, type EntrySession, type SavePart } from './entry-session';

const PARTS: readonly SavePart[] = ['content', 'title', 'tags'];

/**
 * Ties an entry's savers to the component showing it: created on mount,
 * flushed and checkpointed on unmount (switching entries), flushed when the
 * window loses focus or closes.
 */
export function useEntrySession(entry: Entry, enabled: boolean) {
  const sessionRef = useRef<EntrySession | null>(null);
  // Not React state: see createSaveStateSource.
  const [saveStates] = useState(() => createSaveStateSource(PARTS));

  useEffect(() => {
    if (!enabled) return;
    // Created inside the effect, not during render, so that React's
    // mount-unmount-mount in development gets a fresh session each time.
    const session = createEntrySession(entry, (part, state) => saveStates.set(part, state));
    sessionRef.current = session;
    const unregister = registerOpenSession(session);
    const onBlur = () => void session.pause();
    const onHide = () => void session.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && onHide();
    window.addEventListener('blur', onBlur);
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      unregister();
      sessionRef.current = null;
      void session.leave();
    };
    // One session per entry id; a refreshed summary of the same entry must not restart it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entry.id, enabled]);

  const onContentChange = useCallback((snapshot: ContentSnapshot) => sessionRef.current?.updateContent(snapshot), []);
  const onTitleChange = useCallback((title: string) => sessionRef.current?.title.update(title), []);
  const onTitleCommit = useCallback(() => void sessionRef.current?.title.flush(), []);
  const onTagsChange = useCallback((tags: string[]) => sessionRef.current?.tags.update(tags), []);

  return {
    saveStates,
    onContentChange,
    onTitleChange,
    onTitleCommit,
    onTagsChange,
  };
}
