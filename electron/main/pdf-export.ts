import { type BrowserWindow, dialog } from 'electron';
import type { PdfServices } from '../core/pdf/jobs';
import type { PdfSink } from '../core/pdf/pdf-sink';
import { fileTarget, folderTarget } from '../core/pdf/file-targets';
import { sendEvent } from './events';
import { ElectronPdfRenderer } from './pdf-window';

/**
 * PDF export in the app: the core runs the exports (core/pdf/jobs.ts); main
 * only asks where files go, with the system's save dialog or folder chooser,
 * and passes progress on to the window. The files themselves are written by
 * the core's file targets (temporary file, then rename). Kept thin: untested
 * here for want of an Electron binary; the core's half is tested.
 */

function dialogSink(window: () => BrowserWindow | null): PdfSink {
  return {
    async chooseFile(suggestedName) {
      const parent = window();
      const options = {
        title: 'Export PDF',
        defaultPath: suggestedName,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const answer = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      if (answer.canceled || !answer.filePath) return null;
      const file = answer.filePath.toLowerCase().endsWith('.pdf') ? answer.filePath : `${answer.filePath}.pdf`;
      return fileTarget(file);
    },
    async chooseFolder() {
      const parent = window();
      const options = {
        title: 'Export PDFs to folder',
        buttonLabel: 'Export here',
        properties: ['openDirectory' as const, 'createDirectory' as const],
      };
      const answer = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      const folder = answer.filePaths[0];
      return answer.canceled || !folder ? null : folderTarget(folder);
    },
  };
}

export interface ElectronPdfExport {
  services: PdfServices;
  /** Closes the hidden print window, if one was opened. */
  close: () => Promise<void>;
}

/** The services createHandlers needs for PDF export, for the window `window()` returns. */
export function electronPdfExport(options: {
  /** persist-app://app/print.html, or the dev server's print.html. */
  printUrl: string;
  appOrigin: string;
  window: () => BrowserWindow | null;
}): ElectronPdfExport {
  // Cheap to construct: the hidden window opens on the first print.
  const renderer = new ElectronPdfRenderer(options.printUrl, options.appOrigin);
  return {
    services: {
      renderer: async () => renderer,
      sink: dialogSink(options.window),
      progress: (event) => void sendEvent(options.window()?.webContents, 'export.progress', event),
    },
    close: () => renderer.close(),
  };
}
