import { type JSX, useId } from 'react';
import type { EntrySummary } from '../../shared/domain/types';
import { fullTime, shortTime } from '../lib/time';
import { openEntry, restoreEntry, trashEntry } from '../state/entry-actions';
import { Icon } from '../ui/icons';

interface Props {
  entry: EntrySummary;
  selected: boolean;
  /** In the Trash view the action is Restore, elsewhere Move to Trash. */
  inTrash: boolean;
  notebookName?: string;
  /** Picked into the list's selection (for a batch export). */
  picked: boolean;
  /** Ctrl/Cmd+click or Ctrl/Cmd+Space toggles the entry; Shift selects a range. Absent: no selecting here. */
  onPick?: (range: boolean) => void;
}

const MARKERS = {
  block: { icon: 'blocked', text: 'has blocking problems' },
  warning: { icon: 'warning', text: 'has warnings' },
} as const;

/** A blocking problem in the entry's protocol blocks is marked red with a stop icon; warnings more lightly. */
function ProblemMarker({ level, id }: { level: EntrySummary['problemLevel'] | undefined; id: string }) {
  if (level !== 'block' && level !== 'warning') return null;
  const marker = MARKERS[level];
  return (
    <span className={`entry-problem entry-problem-${level}`} title={`This entry ${marker.text}`}>
      <Icon name={marker.icon} size={13} />
      <span id={id} className="visually-hidden">
        {marker.text}
      </span>
    </span>
  );
}

/** Which selection gesture an event is, if any: Ctrl (Cmd on macOS) toggles, Shift extends a range. */
function pickGesture(event: { ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }): 'toggle' | 'range' | null {
  if (event.ctrlKey || event.metaKey) return 'toggle';
  return event.shiftKey ? 'range' : null;
}

export function EntryListItem({ entry, selected, inTrash, notebookName, picked, onPick }: Props): JSX.Element {
  const time = inTrash && entry.deletedAt ? entry.deletedAt : entry.updatedAt;
  const id = useId();
  const problems = entry.problemLevel && entry.problemLevel !== 'none' ? ` ${id}-problems` : '';
  const classes = `entry-item${selected ? ' entry-item-selected' : ''}${picked ? ' entry-item-picked' : ''}`;
  return (
    <li className={classes}>
      <button
        type="button"
        className="entry-link"
        aria-current={selected ? 'true' : undefined}
        aria-label={entry.title}
        aria-describedby={`${picked ? `${id}-picked ` : ''}${id}-meta ${id}-tags${problems}`}
        onClick={(event) => {
          const gesture = onPick ? pickGesture(event) : null;
          if (gesture) onPick?.(gesture === 'range');
          else openEntry(entry.id);
        }}
        onKeyDown={(event) => {
          // A modified Space picks instead of opening (plain Space and Enter still open).
          const gesture = onPick && event.key === ' ' ? pickGesture(event) : null;
          if (!gesture) return;
          event.preventDefault();
          onPick?.(gesture === 'range');
        }}
      >
        <span className="entry-item-head">
          {picked && (
            <span className="entry-item-check">
              <Icon name="check" size={13} />
              <span id={`${id}-picked`} className="visually-hidden">
                Selected
              </span>
            </span>
          )}
          <span className="entry-item-title">{entry.title}</span>
          <ProblemMarker level={entry.problemLevel} id={`${id}-problems`} />
        </span>
        <span className="entry-item-meta" id={`${id}-meta`}>
          <time dateTime={time} title={fullTime(time)}>
            {inTrash ? `Deleted ${shortTime(time)}` : shortTime(time)}
          </time>
          {notebookName && <span className="entry-item-notebook">{notebookName}</span>}
        </span>
        {entry.tags.length > 0 && (
          <span className="entry-item-tags" id={`${id}-tags`}>
            {entry.tags.map((tag) => (
              <span key={tag} className="tag tag-small">
                {tag}
              </span>
            ))}
          </span>
        )}
      </button>
      {inTrash ? (
        <button
          type="button"
          className="icon-button icon-button-small entry-item-action"
          aria-label={`Restore ${entry.title}`}
          title="Restore"
          onClick={() => void restoreEntry(entry.id)}
        >
          <Icon name="restore" size={14} />
        </button>
      ) : (
        <button
          type="button"
          className="icon-button icon-button-small entry-item-action"
          aria-label={`Move ${entry.title} to Trash`}
          title="Move to Trash"
          onClick={() => void trashEntry(entry.id)}
        >
          <Icon name="trash" size={14} />
        </button>
      )}
    </li>
  );
}
