/**
 * What the app's PDF export channels answer (pdf.exportEntry, pdf.exportBatch,
 * pdf.job) and what the 'export.progress' event reports. Plain data shared by
 * the core, which runs the exports, and the renderer, which shows them.
 */

/** One finished PDF. */
export interface ExportedPdf {
  /** Its file name, without a folder. */
  name: string;
  /** Where the host saved it (Electron writes the file); absent when the page gets the bytes. */
  path?: string;
  /** The file itself, base64, when the page offers it as a download (a host without file dialogs). */
  dataBase64?: string;
  byteLength: number;
  /** How many entries it holds: 1, or the count of a combined PDF. */
  entryCount: number;
}

/** The answer to pdf.exportEntry: the saved PDF, or that the person closed the save dialog. */
export type EntryExportResult = { declined: true } | { declined: false; file: ExportedPdf };

/** The answer to pdf.exportBatch: a job now running, or that the person closed the dialog. */
export type BatchExportStart = { declined: true } | { declined: false; jobId: string; total: number };

export const PDF_JOB_STATES = ['running', 'done', 'cancelled', 'failed'] as const;
export type PdfJobState = (typeof PDF_JOB_STATES)[number];

/** A batch export as it stands; the payload of 'export.progress' is this without the files. */
export interface PdfJobProgress {
  jobId: string;
  state: PdfJobState;
  /** Entries printed so far. */
  done: number;
  total: number;
  /** The entry being printed while the job runs; the last one it printed once it has ended. */
  title: string;
  /** Why the job failed, in words. */
  message?: string;
}

/** The answer to pdf.job: the progress and the PDFs saved so far (all of them once it has ended). */
export interface PdfJobStatus extends PdfJobProgress {
  combined: boolean;
  files: ExportedPdf[];
}
