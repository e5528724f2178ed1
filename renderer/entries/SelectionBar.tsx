import type { JSX } from 'react';
import type { Id } from '../../shared/domain/types';
import { openExportDialog } from '../export/export-store';
import { Icon } from '../ui/icons';

interface Props {
  /** The picked entries, in the list's order (the order of the combined PDF). */
  entryIds: readonly Id[];
  notebookName: string;
  onClear: () => void;
}

/** "2 selected · Export PDF… · Clear" above the entry list while entries are picked. */
export function SelectionBar({ entryIds, notebookName, onClear }: Props): JSX.Element {
  return (
    <div className="list-selection" role="group" aria-label="Selected entries">
      <span className="list-selection-count" role="status">
        {entryIds.length} selected
      </span>
      <button
        type="button"
        className="button button-small"
        onClick={() => openExportDialog({ kind: 'selection', entryIds: [...entryIds], notebookName })}
      >
        <Icon name="pdf" size={14} />
        Export PDF…
      </button>
      <button type="button" className="link-button" onClick={onClear} title="Clear the selection (Escape)">
        Clear
      </button>
    </div>
  );
}
