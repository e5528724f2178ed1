import { PDFDocument } from 'pdf-lib';
import { PersistError } from '../../../shared/ipc/errors';
import type { PaperSize } from '../../../shared/pdf/print-model';
import type { CoreContext } from '../context';
import { addOutline } from './outline';
import { finishPdf, type PdfDescription, postProcessPdf } from './post-process';
import { buildPrintJob, type PrintJob } from './print-model';
import type { PdfRenderer } from './pdf-renderer';

/**
 * Exports: one entry as one PDF, and a set of entries as one PDF each or as
 * one combined PDF with a bookmark per entry. The renderer is passed in, so
 * Electron, the CLI and the tests choose theirs and reuse it across a batch.
 */

export interface ExportOptions {
  paper?: PaperSize;
  /** Time of the export (UTC ISO); the context's clock by default. */
  now?: string;
}

export interface EntryPdf {
  bytes: Uint8Array;
  job: PrintJob;
}

function recordDescription(job: PrintJob): string {
  const { entry } = job.model;
  return `Canonical JSON (RFC 8785) of Persist entry ${entry.id}, revision ${entry.revision}; SHA-256 ${job.record.sha256}`;
}

function describeEntry(job: PrintJob): PdfDescription {
  const { entry, notebook, generator } = job.model;
  return {
    title: entry.title,
    authors: entry.authors,
    subject: `Persist record: entry ${entry.id}, revision ${entry.revision}, notebook "${notebook.name}"`,
    keywords: ['persist', `entry:${entry.id}`, ...entry.tags.map((t) => t.replace(/\s+/g, '-'))],
    createdAt: job.model.generatedAt,
    creator: generator,
    records: [{ ...job.record, description: recordDescription(job) }],
  };
}

/** One entry's last revision as a finished PDF record. */
export async function exportEntryPdf(
  ctx: CoreContext,
  renderer: PdfRenderer,
  entryId: string,
  options: ExportOptions = {},
): Promise<EntryPdf> {
  const job = buildPrintJob(ctx, entryId, { paper: options.paper, generatedAt: options.now });
  const raw = await renderer.render(job.model);
  return { bytes: await postProcessPdf(raw, describeEntry(job)), job };
}

export interface CombinedOptions extends ExportOptions {
  title: string;
  /** Called after each entry is printed, for progress bars. Throwing from it stops the export. */
  onProgress?: (done: number, total: number, job: PrintJob) => void;
}

/**
 * Several entries in one PDF: their pages in order, one bookmark per entry,
 * and every entry's record attached (each page's footer names its own).
 */
export async function exportCombinedPdf(
  ctx: CoreContext,
  renderer: PdfRenderer,
  entryIds: readonly string[],
  options: CombinedOptions,
): Promise<{ bytes: Uint8Array; jobs: PrintJob[] }> {
  if (entryIds.length === 0) throw new PersistError('invalid_input', 'There are no entries to export.');
  const combined = await PDFDocument.create({ updateMetadata: false });
  const jobs: PrintJob[] = [];
  const bookmarks: Array<{ title: string; pageIndex: number }> = [];
  for (const [i, entryId] of entryIds.entries()) {
    const job = buildPrintJob(ctx, entryId, { paper: options.paper, generatedAt: options.now });
    const raw = await PDFDocument.load(await renderer.render(job.model), { updateMetadata: false });
    bookmarks.push({ title: job.model.entry.title, pageIndex: combined.getPageCount() });
    const pages = await combined.copyPages(raw, raw.getPageIndices());
    for (const page of pages) combined.addPage(page);
    jobs.push(job);
    options.onProgress?.(i + 1, entryIds.length, job);
  }
  addOutline(combined, bookmarks);
  const first = jobs[0] as PrintJob;
  const bytes = await finishPdf(combined, {
    title: options.title,
    authors: [...new Set(jobs.flatMap((j) => j.model.entry.authors))],
    subject: `Persist records of ${jobs.length} entries`,
    keywords: ['persist', ...jobs.map((j) => `entry:${j.model.entry.id}`)],
    createdAt: first.model.generatedAt,
    creator: first.model.generator,
    records: jobs.map((j) => ({ ...j.record, description: recordDescription(j) })),
  });
  return { bytes, jobs };
}

/** The entries of a notebook (not in the trash), oldest first: the order of a lab notebook. */
export function notebookEntryIds(ctx: CoreContext, notebookName: string): { notebookId: string; entryIds: string[] } {
  const notebook = ctx.db.prepare('SELECT id FROM notebooks WHERE name = ?').get(notebookName) as
    { id: string } | undefined;
  if (!notebook) throw new PersistError('not_found', `There is no notebook named "${notebookName}".`);
  const rows = ctx.db
    .prepare('SELECT id FROM entries WHERE notebook_id = ? AND deleted_at IS NULL ORDER BY created_at, id')
    .all(notebook.id) as Array<{ id: string }>;
  return { notebookId: notebook.id, entryIds: rows.map((r) => r.id) };
}
