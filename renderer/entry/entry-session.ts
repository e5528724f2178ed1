import type { Entry, IsoTime, LexicalState } from '../../shared/domain/types';
import { call } from '../api/client';
import { DebouncedSaver } from '../autosave/debounced-saver';
import type { SaveState } from '../autosave/save-state';
import { applySummary, touchEntry } from '../state/entry-actions';
import { showError } from '../state/notice-actions';

export type SavePart = 'content' | 'title' | 'tags';

/** Produces the document to store; called only when a save actually happens. */
export type ContentSnapshot = () => LexicalState;

/** Typing pauses this long before the text is saved… */
export const CONTENT_DEBOUNCE_MS = 500;
/** …but while typing goes on, it is saved at least this often. */
export const CONTENT_MAX_WAIT_MS = 2000;
const TITLE_DEBOUNCE_MS = 600;
/**
 * The entry list is given the time of the last save of the text once typing
 * has paused this long: each update of the list is a React commit, and a
 * commit while the caret is in the editor costs the keystroke it lands on
 * milliseconds (see renderer/autosave/save-state-source.ts).
 */
export const LIST_TOUCH_QUIET_MS = 1500;

/**
 * Everything that stores one open entry: its text (saveDraft with the version
 * the edit started from), its title and its tags, each with its own saver.
 * Leaving the entry flushes them and cuts a 'left-entry' revision.
 */
export function createEntrySession(entry: Entry, report: (part: SavePart, state: SaveState) => void) {
  const id = entry.id;
  let draftVersion = entry.draftVersion;
  let unlistedSave: IsoTime | null = null;
  let listTimer: ReturnType<typeof setTimeout> | undefined;

  function touchList(): void {
    clearTimeout(listTimer);
    if (unlistedSave !== null) touchEntry(id, unlistedSave);
    unlistedSave = null;
  }

  /** (Re)starts the wait for a pause in the typing before the list is told. */
  function touchListWhenQuiet(): void {
    clearTimeout(listTimer);
    if (unlistedSave !== null) listTimer = setTimeout(touchList, LIST_TOUCH_QUIET_MS);
  }

  const content = new DebouncedSaver<ContentSnapshot>({
    debounceMs: CONTENT_DEBOUNCE_MS,
    maxWaitMs: CONTENT_MAX_WAIT_MS,
    onState: (s) => report('content', s),
    save: async (snapshot) => {
      const result = await call('entries.saveDraft', { id, content: snapshot(), baseVersion: draftVersion });
      draftVersion = result.draftVersion;
      unlistedSave = result.savedAt;
      touchListWhenQuiet();
      return result.savedAt;
    },
  });

  const title = new DebouncedSaver<string>({
    debounceMs: TITLE_DEBOUNCE_MS,
    maxWaitMs: TITLE_DEBOUNCE_MS * 4,
    onState: (s) => report('title', s),
    save: async (value) => {
      const summary = await call('entries.rename', { id, title: value });
      applySummary(summary);
      return summary.updatedAt;
    },
  });

  const tags = new DebouncedSaver<string[]>({
    debounceMs: 0,
    maxWaitMs: 0,
    onState: (s) => report('tags', s),
    save: async (value) => {
      const summary = await call('entries.setTags', { id, tags: value });
      applySummary(summary);
      return summary.updatedAt;
    },
  });

  const savers = [content, title, tags];

  async function flush(): Promise<void> {
    await Promise.all(savers.map((s) => s.flush()));
    touchList();
  }

  async function cutLeftEntryRevision(): Promise<void> {
    try {
      await call('entries.checkpoint', { id, reason: 'left-entry' });
    } catch (error) {
      showError('Could not record a revision of the entry', error);
    }
  }

  return {
    entryId: id,
    /** A new state of the text: saved after the debounce; a pause in typing still to come. */
    updateContent(snapshot: ContentSnapshot): void {
      content.update(snapshot);
      touchListWhenQuiet();
    },
    title,
    tags,
    flush,
    knownVersion: () => draftVersion,
    hasUnsaved: () => savers.some((s) => s.hasUnsaved()),

    /** The window lost focus: store everything and mark the point in the history. */
    async pause(): Promise<void> {
      await flush();
      if (!savers.some((s) => s.hasUnsaved())) await cutLeftEntryRevision();
    },

    /** The entry is being closed: nothing typed may be lost. */
    async leave(): Promise<void> {
      const stored = await Promise.all(savers.map((s) => s.close()));
      touchList();
      if (stored.every(Boolean)) await cutLeftEntryRevision();
      else {
        const reason = savers.map((s) => s.errorMessage).find((m) => m !== null) ?? 'the save was refused';
        showError(`Your last changes to “${entry.title}” could not be saved`, new Error(reason));
      }
    },
  };
}

export type EntrySession = ReturnType<typeof createEntrySession>;
