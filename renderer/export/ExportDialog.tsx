import { type JSX, useEffect, useId, useRef, useState } from 'react';
import type { PaperSize } from '../../shared/pdf/print-model';
import type { ExportSource } from './export-store';
import { outcomeText } from './outcome-text';
import { savePaper, savedPaper } from './paper-setting';
import { ExportProgress } from './ExportProgress';
import { type ExportRequest, usePdfExport } from './use-pdf-export';
import { useSearchSource } from './use-search-source';
import './export.css';

const PAPERS: Array<{ value: PaperSize; label: string }> = [
  { value: 'a4', label: 'A4' },
  { value: 'letter', label: 'Letter' },
];

const selectionLabel = (n: number) => `${n} selected ${n === 1 ? 'entry' : 'entries'}`;

/**
 * The export dialog: what to print (an entry, a notebook, the entries picked
 * in the list, or the entries a search finds), one PDF per entry or one combined PDF with a bookmark per
 * entry, the paper size; then a progress bar with Cancel, and the outcome in
 * words. A modal <dialog>: focus stays inside, Escape closes it unless an
 * export is running (Cancel stops that first).
 */
export function ExportDialog({ source, onClose }: { source: ExportSource; onClose: () => void }): JSX.Element {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [paper, setPaper] = useState<PaperSize>(savedPaper);
  const [combined, setCombined] = useState(true);
  const [query, setQuery] = useState('');
  const search = useSearchSource(source.kind === 'search' ? query : '');
  const { phase, start, cancel } = usePdfExport();
  const running = phase.kind === 'running';

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const request = ((): ExportRequest | null => {
    if (source.kind === 'entry') return { kind: 'entry', entryId: source.entryId, paper };
    if (source.kind === 'notebook') {
      return source.entryCount > 0
        ? { kind: 'batch', source: { notebookId: source.notebookId }, combined, paper }
        : null;
    }
    if (source.kind === 'selection') {
      return {
        kind: 'batch',
        source: { entryIds: source.entryIds },
        combined,
        paper,
        title: `${source.notebookName}: ${selectionLabel(source.entryIds.length)}`.slice(0, 300),
      };
    }
    if (search.status !== 'done' || search.hits.length === 0) return null;
    return {
      kind: 'batch',
      source: { entryIds: search.hits.map((h) => h.entryId) },
      combined,
      paper,
      title: `Search “${query.trim()}”`.slice(0, 300),
    };
  })();

  return (
    <dialog
      ref={dialog}
      className="export-dialog"
      aria-labelledby={headingId}
      onCancel={(event) => {
        // Escape: never while a job runs (it keeps running unseen otherwise).
        event.preventDefault();
        if (!running) onClose();
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (request && !running) void start(request);
        }}
      >
        <h2 id={headingId} className="export-title">
          Export PDF
        </h2>
        {source.kind === 'entry' && <p className="export-source">Entry: {source.title}</p>}
        {source.kind === 'notebook' && (
          <p className="export-source">
            Notebook: {source.name} ({source.entryCount} {source.entryCount === 1 ? 'entry' : 'entries'})
          </p>
        )}
        {source.kind === 'selection' && (
          <p className="export-source">
            {source.notebookName}: {selectionLabel(source.entryIds.length)}
          </p>
        )}
        {source.kind === 'search' && (
          <div className="export-search">
            <label>
              Entries matching
              <input
                type="search"
                className="export-search-input"
                value={query}
                disabled={running}
                placeholder="Search all entries"
                onChange={(event) => setQuery(event.target.value)}
              />
            </label>
            <p className="export-note" aria-live="polite">
              {search.status === 'searching' && 'Searching…'}
              {search.status === 'error' && `Search failed: ${search.message}`}
              {search.status === 'done' &&
                (search.hits.length === 0
                  ? 'No entries match.'
                  : `${search.hits.length} ${search.hits.length === 1 ? 'entry matches' : 'entries match'}.`)}
            </p>
          </div>
        )}

        {source.kind !== 'entry' && (
          <fieldset className="export-choice" disabled={running}>
            <legend>Files</legend>
            <label>
              <input type="radio" name="combined" checked={combined} onChange={() => setCombined(true)} />
              One combined PDF, with a bookmark per entry
            </label>
            <label>
              <input type="radio" name="combined" checked={!combined} onChange={() => setCombined(false)} />
              One PDF per entry
            </label>
          </fieldset>
        )}
        <fieldset className="export-choice export-paper" disabled={running}>
          <legend>Paper</legend>
          {PAPERS.map((p) => (
            <label key={p.value}>
              <input
                type="radio"
                name="paper"
                checked={paper === p.value}
                onChange={() => {
                  setPaper(p.value);
                  savePaper(p.value);
                }}
              />
              {p.label}
            </label>
          ))}
        </fieldset>

        {phase.kind === 'running' && <ExportProgress phase={phase} single={source.kind === 'entry'} />}
        {phase.kind === 'finished' &&
          (phase.outcome === 'failed' ? (
            <div className="export-outcome export-outcome-error" role="alert">
              <p>{phase.message ?? 'The export failed.'}</p>
              <p>{outcomeText(phase)}</p>
            </div>
          ) : (
            <p className="export-outcome" role="status">
              {outcomeText(phase)}
            </p>
          ))}

        <div className="export-actions">
          {running ? (
            <button
              type="button"
              className="button"
              disabled={phase.jobId === null || phase.cancelling}
              onClick={() => void cancel()}
            >
              {phase.cancelling ? 'Cancelling…' : 'Cancel export'}
            </button>
          ) : (
            <>
              <button type="button" className="button" onClick={onClose}>
                {phase.kind === 'finished' ? 'Close' : 'Cancel'}
              </button>
              <button type="submit" className="button button-primary" disabled={request === null}>
                {phase.kind === 'finished' ? 'Export again' : 'Export'}
              </button>
            </>
          )}
        </div>
      </form>
    </dialog>
  );
}
