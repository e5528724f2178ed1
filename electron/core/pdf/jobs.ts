import { PersistError } from '../../../shared/ipc/errors';
import type {
  BatchExportStart,
  EntryExportResult,
  ExportedPdf,
  PdfJobProgress,
  PdfJobStatus,
} from '../../../shared/pdf/export-jobs';
import type { PaperSize } from '../../../shared/pdf/print-model';
import type { CoreContext } from '../context';
import { checkpoint } from '../entries';
import { type BatchEntry, type BatchSource, resolveBatch } from './batch-entries';
import { exportCombinedPdf, exportEntryPdf } from './export';
import { pdfFileName } from './file-names';
import type { PdfRenderer } from './pdf-renderer';
import type { PdfSink, PdfTarget } from './pdf-sink';

/**
 * What a host gives the core so the app can export PDFs: a renderer
 * (Electron's hidden window, or Chromium through Playwright in the test
 * harness), a sink that decides where files go, and a way to push
 * 'export.progress' to the page. The core stays free of Electron; the host
 * stays free of export logic.
 */
export interface PdfServices {
  /** The renderer, started on first use and reused by every export; the host closes it. */
  renderer: () => Promise<PdfRenderer>;
  sink: PdfSink;
  /** Sends the 'export.progress' event to the app's windows. */
  progress: (event: PdfJobProgress) => void;
  /** Where unexpected failures of a background job are reported (default: console.error). */
  log?: (error: unknown) => void;
}

export interface BatchRequest {
  source: BatchSource;
  combined: boolean;
  paper?: PaperSize;
  title?: string;
}

/** Finished jobs kept for pdf.job (their PDFs may be held in memory for a download). */
const KEEP_FINISHED = 8;

class Cancelled extends Error {}

interface Job {
  status: PdfJobStatus;
  cancelRequested: boolean;
  finished: Promise<void>;
}

/**
 * The app's PDF exports: one entry at a time while the caller waits, and
 * batches as background jobs that report progress after every entry and
 * stop between entries when cancelled. Before printing, each entry's unsaved
 * edits are recorded as a revision, so the PDF shows the entry as it stands
 * (a PDF always prints a stored revision: docs/PDF.md).
 */
export class PdfExports {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly ctx: CoreContext,
    private readonly services: PdfServices | undefined,
  ) {}

  private available(): PdfServices {
    if (!this.services) {
      throw new PersistError('unavailable', 'PDF export is not available here: this host has no PDF renderer.');
    }
    return this.services;
  }

  async exportEntry(entryId: string, paper?: PaperSize): Promise<EntryExportResult> {
    const [entry] = resolveBatch(this.ctx, { entryIds: [entryId] }).entries as [BatchEntry];
    const services = this.available();
    const target = await services.sink.chooseFile(pdfFileName(entry.title));
    if (!target) return { declined: true };
    checkpoint(this.ctx, entryId);
    const renderer = await services.renderer();
    const { bytes, job } = await exportEntryPdf(this.ctx, renderer, entryId, { paper });
    const file = await target.write(pdfFileName(job.model.entry.title), bytes, 1);
    return { declined: false, file };
  }

  async startBatch(request: BatchRequest): Promise<BatchExportStart> {
    const { entries, title: defaultTitle } = resolveBatch(this.ctx, request.source);
    const services = this.available();
    const title = request.title?.trim() || defaultTitle;
    const target = request.combined
      ? await services.sink.chooseFile(pdfFileName(title))
      : await services.sink.chooseFolder();
    if (!target) return { declined: true };
    for (const entry of entries) checkpoint(this.ctx, entry.id);

    const jobId = this.ctx.newId();
    const job: Job = {
      status: {
        jobId,
        state: 'running',
        done: 0,
        total: entries.length,
        title: (entries[0] as BatchEntry).title,
        combined: request.combined,
        files: [],
      },
      cancelRequested: false,
      finished: Promise.resolve(),
    };
    this.forgetOldJobs();
    this.jobs.set(jobId, job);
    this.report(job);
    job.finished = this.run(job, services, target, entries, { ...request, title });
    return { declined: false, jobId, total: entries.length };
  }

  /** Asks a running job to stop before its next entry; answers the job's state as it is now. */
  cancel(jobId: string): PdfJobStatus {
    const job = this.job(jobId);
    if (job.status.state === 'running') job.cancelRequested = true;
    return { ...job.status, files: [...job.status.files] };
  }

  status(jobId: string): PdfJobStatus {
    const job = this.job(jobId);
    return { ...job.status, files: [...job.status.files] };
  }

  /** Resolves once the job has ended (done, cancelled or failed), with its final state. */
  async whenFinished(jobId: string): Promise<PdfJobStatus> {
    await this.job(jobId).finished;
    return this.status(jobId);
  }

  private job(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new PersistError('not_found', 'There is no such export.');
    return job;
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.values()].filter((j) => j.status.state !== 'running');
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED + 1))) {
      this.jobs.delete(old.status.jobId);
    }
  }

  private report(job: Job): void {
    const { jobId, state, done, total, title, message } = job.status;
    try {
      this.services?.progress({ jobId, state, done, total, title, ...(message ? { message } : {}) });
    } catch (error) {
      // A closed window must not stop the export.
      (this.services?.log ?? console.error)(error);
    }
  }

  private throwIfCancelled(job: Job): void {
    if (job.cancelRequested) throw new Cancelled();
  }

  private async run(
    job: Job,
    services: PdfServices,
    target: PdfTarget,
    entries: BatchEntry[],
    request: BatchRequest & { title: string },
  ): Promise<void> {
    const { status } = job;
    const now = this.ctx.now();
    try {
      const renderer = await services.renderer();
      this.throwIfCancelled(job);
      if (request.combined) {
        const { bytes } = await exportCombinedPdf(
          this.ctx,
          renderer,
          entries.map((e) => e.id),
          {
            title: request.title,
            paper: request.paper,
            now,
            // Called after each entry; throwing here stops the export before the next one.
            onProgress: (done) => {
              this.throwIfCancelled(job);
              this.advance(job, done, entries);
            },
          },
        );
        this.throwIfCancelled(job);
        status.files.push(await target.write(pdfFileName(request.title), bytes, entries.length));
      } else {
        for (const [i, entry] of entries.entries()) {
          this.throwIfCancelled(job);
          const { bytes, job: printed } = await exportEntryPdf(this.ctx, renderer, entry.id, {
            paper: request.paper,
            now,
          });
          // A cancel that came while this entry was printing: it is not saved.
          this.throwIfCancelled(job);
          const file: ExportedPdf = await target.write(pdfFileName(printed.model.entry.title), bytes, 1);
          status.files.push(file);
          this.advance(job, i + 1, entries);
        }
      }
      status.state = 'done';
    } catch (error) {
      if (error instanceof Cancelled) {
        status.state = 'cancelled';
      } else {
        status.state = 'failed';
        status.message = this.failureMessage(error, entries[status.done]);
        if (!(error instanceof PersistError)) (services.log ?? console.error)(error);
      }
    }
    if (status.state === 'done') status.title = (entries[entries.length - 1] as BatchEntry).title;
    this.report(job);
  }

  /** `done` entries printed: the title shown becomes the next one's. */
  private advance(job: Job, done: number, entries: BatchEntry[]): void {
    job.status.done = done;
    job.status.title = (entries[Math.min(done, entries.length - 1)] as BatchEntry).title;
    if (done < entries.length) this.report(job);
  }

  private failureMessage(error: unknown, entry: BatchEntry | undefined): string {
    const where = entry ? `while printing "${entry.title}"` : 'while finishing the PDF';
    if (error instanceof PersistError) return `The export stopped ${where}: ${error.message}`;
    return `The export stopped ${where}. Your entries are unchanged; details are in the log.`;
  }
}
