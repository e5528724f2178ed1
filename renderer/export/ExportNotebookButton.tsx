import type { JSX } from 'react';
import type { Notebook } from '../../shared/domain/types';
import { openExportDialog } from './export-store';
import { Icon } from '../ui/icons';

/** "Export as PDF" among a notebook's actions in the sidebar. */
export function ExportNotebookButton({ notebook }: { notebook: Notebook }): JSX.Element {
  return (
    <button
      type="button"
      className="icon-button icon-button-small"
      aria-label={`Export notebook ${notebook.name} as PDF`}
      title="Export as PDF"
      disabled={notebook.entryCount === 0}
      onClick={() =>
        openExportDialog({
          kind: 'notebook',
          notebookId: notebook.id,
          name: notebook.name,
          entryCount: notebook.entryCount,
        })
      }
    >
      <Icon name="pdf" size={14} />
    </button>
  );
}
