import type { ExportedPdf } from '../../../shared/pdf/export-jobs';

/**
 * Where the app's exported PDFs go, chosen by the host: Electron asks with a
 * save dialog or a folder chooser and writes files (electron/main/pdf-export.ts);
 * a host without file dialogs hands the bytes back to the page, which offers
 * them as a download (download-sink.ts, used by the test harness). The core
 * decides what to print and when to stop; the sink only decides where.
 */
export interface PdfSink {
  /** A place for one PDF (Electron: a save dialog with this name filled in); null when the person declined. */
  chooseFile(suggestedName: string): Promise<PdfTarget | null>;
  /** A place for many PDFs (Electron: a folder chooser); null when the person declined. */
  chooseFolder(): Promise<PdfTarget | null>;
}

export interface PdfTarget {
  /**
   * Saves one finished PDF. `name` is the file name wanted (a file target
   * chosen in a save dialog keeps the name chosen there); a folder target
   * never overwrites and picks "name (2).pdf" instead. Either the whole
   * file is saved or none of it.
   */
  write(name: string, bytes: Uint8Array, entryCount: number): Promise<ExportedPdf>;
}
