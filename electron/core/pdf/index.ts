/** PDF records: the core's surface for hosts (the CLI, Electron's main process, tests, the benchmark). */
export type { PdfRenderer } from './pdf-renderer';
export { PRINT_PAGE } from './pdf-renderer';
export { buildPrintJob, recordFileName, type EmbeddedRecord, type PrintJob } from './print-model';
export { exportEntryPdf, exportCombinedPdf, notebookEntryIds, type EntryPdf } from './export';
export { postProcessPdf, finishPdf, RECORD_KEYWORD, type PdfDescription } from './post-process';
export { verifyPdf, attachedFiles, type PdfVerification, type RecordCheck } from './verify';
export { PAPER_FORMAT } from './page-setup';
export { PdfExports, type PdfServices, type BatchRequest } from './jobs';
export type { PdfSink, PdfTarget } from './pdf-sink';
export { downloadSink } from './download-sink';
export { fileTarget, folderTarget } from './file-targets';
export { pdfFileName } from './file-names';
