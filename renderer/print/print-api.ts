import type { PrintModel } from '../../shared/pdf/print-model';

/**
 * What the print page offers its host. Electron's hidden window calls it with
 * webContents.executeJavaScript, Chromium driven by Playwright with
 * page.evaluate; both then print. The page needs no bridge to the core: the
 * model arrives as plain data.
 */
export interface PersistPrintApi {
  /** Lays out one entry; resolves once fonts and images are ready to print. */
  render: (model: PrintModel) => Promise<void>;
}

/** The attribute the page sets on <html> when it is ready to print (its value: the entry id). */
export const PRINT_READY_ATTRIBUTE = 'data-print-ready';

declare global {
  interface Window {
    persistPrint?: PersistPrintApi;
  }
}
