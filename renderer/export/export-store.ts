import { create } from 'zustand';
import type { Id } from '../../shared/domain/types';

/** What the export dialog was opened for. */
export type ExportSource =
  | { kind: 'entry'; entryId: Id; title: string }
  | { kind: 'notebook'; notebookId: Id; name: string; entryCount: number }
  /** Entries picked in a notebook's entry list, in the list's order. */
  | { kind: 'selection'; entryIds: Id[]; notebookName: string }
  /** Entries found by a search typed in the dialog. */
  | { kind: 'search' };

interface ExportDialogState {
  source: ExportSource | null;
}

/** Whether the export dialog is open, and for what; buttons anywhere in the app open it. */
export const useExportDialog = create<ExportDialogState>()(() => ({ source: null }));

export function openExportDialog(source: ExportSource): void {
  useExportDialog.setState({ source });
}

export function closeExportDialog(): void {
  useExportDialog.setState({ source: null });
}
