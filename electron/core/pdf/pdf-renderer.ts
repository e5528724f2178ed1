import type { PrintModel } from '../../../shared/pdf/print-model';

/**
 * Turns a print model into the raw PDF the print view lays out. Two
 * implementations: Electron's hidden window with webContents.printToPDF
 * (electron/main/pdf-window.ts) and Chromium driven by playwright-core
 * (chromium-renderer.ts) for the CLI and the tests. The core post-processes
 * either's output the same way (post-process.ts).
 */
export interface PdfRenderer {
  /** The raw PDF of one entry, printed after the page's fonts and images are ready. */
  render(model: PrintModel): Promise<Uint8Array>;
  /** Releases the browser or window; the renderer cannot be used afterwards. */
  close(): Promise<void>;
}

/** The file the print view is built to, inside the renderer's build folder. */
export const PRINT_PAGE = 'print.html';
