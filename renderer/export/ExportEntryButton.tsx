import type { JSX } from 'react';
import type { Entry } from '../../shared/domain/types';
import { openExportDialog } from './export-store';
import { Icon } from '../ui/icons';

/** "Export PDF" in the open entry's header. */
export function ExportEntryButton({ entry }: { entry: Pick<Entry, 'id' | 'title'> }): JSX.Element {
  return (
    <button
      type="button"
      className="icon-button"
      aria-label="Export entry as PDF"
      title="Export PDF"
      onClick={() => openExportDialog({ kind: 'entry', entryId: entry.id, title: entry.title })}
    >
      <Icon name="pdf" />
    </button>
  );
}
