import type { JSX } from 'react';
import type { ExportPhase } from './use-pdf-export';

type Running = Extract<ExportPhase, { kind: 'running' }>;

/** The bar and the line under it while an export runs. */
export function ExportProgress({ phase, single }: { phase: Running; single: boolean }): JSX.Element {
  const { done, total, title, cancelling } = phase;
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  const line = cancelling
    ? `Stopping after the entry being printed… (${done} of ${total} done)`
    : single
      ? 'Printing the entry…'
      : title
        ? `Printing “${title}” (${done} of ${total} done)`
        : 'Starting…';
  return (
    <div className="export-progress">
      <div
        className="export-bar"
        role="progressbar"
        aria-label="Export progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${done} of ${total} entries`}
      >
        <div className="export-bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="export-note" aria-live="polite">
        {line}
      </p>
    </div>
  );
}
