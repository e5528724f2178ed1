import type { JSX } from 'react';
import { closeExportDialog, openExportDialog, useExportDialog } from './export-store';
import { ExportDialog } from './ExportDialog';
import { Icon } from '../ui/icons';

/**
 * The top bar's "Export PDF" (the entries a search finds) and the one place
 * the export dialog is mounted, whichever button opened it. A modal <dialog>
 * shows above everything wherever it sits in the page.
 */
export function ExportHost(): JSX.Element {
  const source = useExportDialog((s) => s.source);
  return (
    <>
      <button
        type="button"
        className="button button-small"
        title="Export the entries a search finds as PDF"
        onClick={() => openExportDialog({ kind: 'search' })}
      >
        <Icon name="pdf" size={14} />
        Export PDF…
      </button>
      {source && <ExportDialog key={JSON.stringify(source)} source={source} onClose={closeExportDialog} />}
    </>
  );
}
