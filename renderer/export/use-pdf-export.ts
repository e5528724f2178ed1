import { useCallback, useEffect, useRef, useState } from 'react';
import type { Id } from '../../shared/domain/types';
import type { ExportedPdf, PdfJobProgress } from '../../shared/pdf/export-jobs';
import type { PaperSize } from '../../shared/pdf/print-model';
import { call, subscribe } from '../api/client';
import { messageOf } from '../api/api-error';
import { flushOpenSession } from '../state/open-session';
import { downloadPdfs } from './download';

/** What to print: one entry (the caller waits), or a batch (a job with progress). */
export type ExportRequest =
  | { kind: 'entry'; entryId: Id; paper: PaperSize }
  | {
      kind: 'batch';
      source: { notebookId: Id } | { entryIds: Id[] };
      combined: boolean;
      paper: PaperSize;
      title?: string;
    };

export type ExportPhase =
  | { kind: 'idle' }
  | { kind: 'running'; jobId: Id | null; done: number; total: number; title: string; cancelling: boolean }
  | {
      kind: 'finished';
      outcome: 'done' | 'cancelled' | 'failed';
      done: number;
      total: number;
      files: ExportedPdf[];
      /** How many of the files the page downloaded (a host that saves files itself sends none). */
      downloaded: number;
      message?: string;
    };

/**
 * Runs one export for the dialog: flushes the open entry's last keystrokes
 * (the core records them as a revision before printing), calls the core,
 * follows a batch through 'export.progress', cancels it on request, and in
 * the end downloads what the host handed back rather than saved.
 */
export function usePdfExport(): {
  phase: ExportPhase;
  start: (request: ExportRequest) => Promise<void>;
  cancel: () => Promise<void>;
} {
  const [phase, setPhase] = useState<ExportPhase>({ kind: 'idle' });
  const jobRef = useRef<Id | null>(null);
  // Events can arrive before pdf.exportBatch answers with the job's id: kept until then.
  const early = useRef(new Map<Id, PdfJobProgress>());
  const mounted = useRef(true);

  const finish = useCallback(async (jobId: Id) => {
    try {
      const status = await call('pdf.job', { jobId });
      const downloaded = downloadPdfs(status.files);
      if (!mounted.current) return;
      setPhase({
        kind: 'finished',
        outcome: status.state === 'running' ? 'failed' : status.state,
        done: status.done,
        total: status.total,
        files: status.files,
        downloaded,
        ...(status.message ? { message: status.message } : {}),
      });
    } catch (error) {
      if (mounted.current) {
        setPhase({
          kind: 'finished',
          outcome: 'failed',
          done: 0,
          total: 0,
          files: [],
          downloaded: 0,
          message: messageOf(error),
        });
      }
    }
  }, []);

  const apply = useCallback(
    (event: PdfJobProgress) => {
      if (event.state !== 'running') {
        jobRef.current = null;
        void finish(event.jobId);
        return;
      }
      setPhase((p) =>
        p.kind === 'running'
          ? { ...p, jobId: event.jobId, done: event.done, total: event.total, title: event.title }
          : p,
      );
    },
    [finish],
  );

  useEffect(() => {
    mounted.current = true;
    const unsubscribe = subscribe('export.progress', (event) => {
      if (jobRef.current === event.jobId) apply(event);
      else if (jobRef.current === null) early.current.set(event.jobId, event);
    });
    return () => {
      mounted.current = false;
      unsubscribe();
    };
  }, [apply]);

  const start = useCallback(
    async (request: ExportRequest) => {
      const total = request.kind === 'entry' ? 1 : 'entryIds' in request.source ? request.source.entryIds.length : 0;
      setPhase({ kind: 'running', jobId: null, done: 0, total, title: '', cancelling: false });
      early.current.clear();
      try {
        // The PDF prints the entry as stored: what was typed a moment ago must be stored first.
        await flushOpenSession();
        if (request.kind === 'entry') {
          const result = await call('pdf.exportEntry', { entryId: request.entryId, paper: request.paper });
          if (!mounted.current) return;
          if (result.declined) return setPhase({ kind: 'idle' });
          const downloaded = downloadPdfs([result.file]);
          setPhase({ kind: 'finished', outcome: 'done', done: 1, total: 1, files: [result.file], downloaded });
          return;
        }
        const started = await call('pdf.exportBatch', {
          source: request.source,
          combined: request.combined,
          paper: request.paper,
          ...(request.title ? { title: request.title } : {}),
        });
        if (!mounted.current) return;
        if (started.declined) return setPhase({ kind: 'idle' });
        jobRef.current = started.jobId;
        setPhase({
          kind: 'running',
          jobId: started.jobId,
          done: 0,
          total: started.total,
          title: '',
          cancelling: false,
        });
        const seen = early.current.get(started.jobId);
        early.current.clear();
        if (seen) apply(seen);
      } catch (error) {
        jobRef.current = null;
        if (mounted.current) {
          setPhase({
            kind: 'finished',
            outcome: 'failed',
            done: 0,
            total,
            files: [],
            downloaded: 0,
            message: messageOf(error),
          });
        }
      }
    },
    [apply],
  );

  const cancel = useCallback(async () => {
    const jobId = jobRef.current;
    if (!jobId) return;
    setPhase((p) => (p.kind === 'running' ? { ...p, cancelling: true } : p));
    try {
      await call('pdf.cancel', { jobId });
    } catch (error) {
      // The job ended meanwhile (its last event finishes the dialog) or the request failed.
      setPhase((p) => (p.kind === 'running' ? { ...p, cancelling: false } : p));
      console.warn(`Cancelling the export failed: ${messageOf(error)}`);
    }
  }, []);

  return { phase, start, cancel };
}
