import { type JSX, useCallback, useRef } from 'react';
import type { Entry } from '../../shared/domain/types';
import { EntryEditor } from '../editor/EntryEditor';
import type { ProblemLevel } from '../blocks/view/problem-levels';
import { restoreEntry, setEntryProblemLevel, trashEntry } from '../state/entry-actions';
import { useAppStore } from '../state/store';
import { Icon } from '../ui/icons';
import { ExportEntryButton } from '../export/ExportEntryButton';
import { EntryLinks } from './EntryLinks';
import { EntryMeta } from './EntryMeta';
import { SaveStatus } from './SaveStatus';
import { TagsField } from './TagsField';
import { TitleField } from './TitleField';
import { useEntrySession } from './use-entry-session';

/** One open entry: header (title, save state, actions, tags) above the editor. */
export function EntryView({ entry }: { entry: Entry }): JSX.Element {
  const trashed = entry.deletedAt !== null;
  const session = useEntrySession(entry, !trashed);
  const fresh = useAppStore((s) => s.freshEntryId === entry.id);
  const content = useRef<HTMLDivElement>(null);
  const onProblemLevel = useCallback((level: ProblemLevel) => setEntryProblemLevel(entry.id, level), [entry.id]);

  return (
    <article className="entry-view" aria-label={`Entry ${entry.title}`}>
      {trashed && (
        <div className="trash-banner">
          <span>This entry is in the Trash. Restore it to edit it again.</span>
          <button type="button" className="button button-small" onClick={() => void restoreEntry(entry.id)}>
            <Icon name="restore" size={14} />
            Restore
          </button>
        </div>
      )}
      <header className="entry-header">
        <div className="entry-header-row">
          <TitleField
            initial={entry.title}
            readOnly={trashed}
            autoFocus={fresh}
            onChange={session.onTitleChange}
            onCommit={session.onTitleCommit}
            onDone={() => content.current?.focus()}
          />
          <SaveStatus source={session.saveStates} />
          <ExportEntryButton entry={entry} />
          {!trashed && (
            <button
              type="button"
              className="icon-button"
              aria-label="Move entry to Trash"
              title="Move to Trash"
              onClick={() => void trashEntry(entry.id)}
            >
              <Icon name="trash" />
            </button>
          )}
        </div>
        <TagsField initial={entry.tags} readOnly={trashed} onChange={session.onTagsChange} />
        <EntryMeta entry={entry} />
      </header>
      <EntryEditor
        content={entry.content}
        readOnly={trashed}
        onChange={session.onContentChange}
        contentRef={content}
        onProblemLevel={onProblemLevel}
        footer={<EntryLinks entryId={entry.id} />}
      />
    </article>
  );
}
