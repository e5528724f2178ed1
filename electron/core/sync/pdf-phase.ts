import crypto from 'node:crypto';
import type { CoreContext } from '../context';
import { exportEntryPdf } from '../pdf/export';
import type { PdfRenderer } from '../pdf/pdf-renderer';
import { SyncError } from './errors';
import type { ManifestEntry, ManifestFile } from './manifest';
import { extraFilesOf, type SyncStateRow } from './state';

/** record.pdf: the entry's latest revision as a PDF record (docs/PDF.md), beside its record.json. */
export const RECORD_PDF = 'record.pdf';

export function isRecordPdf(path: string): boolean {
  return path.endsWith(`/${RECORD_PDF}`);
}

export interface PdfPhaseReport {
  /** Entries whose record.pdf did not show their synced revision at the start of the phase. */
  pending: number;
  written: number;
  failed: number;
  /** The first printing failure, in words (printing never stops the records from syncing). */
  message: string | null;
}

/** Printing failures in a row after which the phase gives up until the next run (a broken renderer). */
const MAX_FAILURES_IN_A_ROW = 3;

/**
 * Prints record.pdf for every active entry whose record.json on the target
 * is current but whose PDF is missing or of an older revision. Runs after
 * all records landed: printing is slow and optional, so it never holds a
 * record back. A printing failure is counted and reported; a failure to
 * write the share is returned as `failure` and stops the run like any other.
 */
export async function syncPdfs(
  ctx: CoreContext,
  targetId: string,
  folder: string,
  current: Map<string, ManifestEntry>,
  rendererOf: () => Promise<PdfRenderer>,
  write: (path: string, bytes: Uint8Array) => Promise<void>,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<{ report: PdfPhaseReport; failure: unknown }> {
  const rows = (
    ctx.db
      .prepare(
        `SELECT s.* FROM sync_state s JOIN entries e ON e.id = s.entry_id
         WHERE s.target_id = ? AND s.status = 'active' AND s.revision_hash = e.head_hash ORDER BY s.entry_id`,
      )
      .all(targetId) as SyncStateRow[]
  ).filter((row) => !extraFilesOf(row).some((f) => isRecordPdf(f.path) && f.revisionHash === row.revision_hash));
  const report: PdfPhaseReport = { pending: rows.length, written: 0, failed: 0, message: null };
  if (rows.length === 0) return { report, failure: null };
  onProgress(0, rows.length);

  let renderer: PdfRenderer;
  try {
    renderer = await rendererOf();
  } catch (error) {
    report.failed = rows.length;
    report.message = `PDF records could not be printed: ${(error as Error).message}`;
    return { report, failure: null };
  }
  const saveExtra = ctx.db.prepare('UPDATE sync_state SET extra_files = ? WHERE target_id = ? AND entry_id = ?');
  let inARow = 0;
  for (const [index, row] of rows.entries()) {
    if (signal?.aborted) break;
    let bytes: Uint8Array;
    try {
      const pdf = await exportEntryPdf(ctx, renderer, row.entry_id);
      // Edited since its record.json landed: this PDF waits for the record of its revision.
      if (pdf.job.record.sha256 !== row.revision_hash) continue;
      bytes = pdf.bytes;
      inARow = 0;
    } catch (error) {
      report.failed += 1;
      report.message ??= `The PDF of "${row.title}" could not be printed: ${(error as Error).message}`;
      inARow += 1;
      if (inARow >= MAX_FAILURES_IN_A_ROW) {
        report.failed += rows.length - index - 1;
        break;
      }
      continue;
    }
    const file: ManifestFile = {
      path: `${row.entry_id}/${RECORD_PDF}`,
      size: bytes.length,
      sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
      revisionHash: row.revision_hash,
    };
    try {
      await write(`${folder}/${file.path}`, bytes);
    } catch (error) {
      return { report, failure: error instanceof SyncError ? error : new SyncError('other', String(error), error) };
    }
    const extra = [...extraFilesOf(row).filter((f) => !isRecordPdf(f.path)), file];
    saveExtra.run(JSON.stringify(extra), targetId, row.entry_id);
    const listed = current.get(row.entry_id);
    if (listed) current.set(row.entry_id, { ...listed, files: [listed.files[0]!, ...extra] });
    report.written += 1;
    onProgress(index + 1, rows.length);
  }
  return { report, failure: null };
}
