import { type JSX, useState } from 'react';
import type { SyncRunSummary, SyncTargetStatus } from '../../shared/ipc/sync-types';
import { call } from '../api/client';
import { messageOf } from '../api/api-error';
import { STATE_LABEL, lastRunText, pendingText, progressText } from './sync-words';

interface Props {
  target: SyncTargetStatus;
  onChanged: () => void;
}

/** What a finished run did, in a sentence (problems that did not stop it included). */
function runOutcome(summary: SyncRunSummary): string {
  if (summary.failure) return summary.failure.message;
  const parts = [summary.written === 1 ? '1 entry synced' : `${summary.written} entries synced`];
  if (summary.attachmentsWritten > 0) parts.push(`${summary.attachmentsWritten} attachments copied`);
  if (summary.pdf && summary.pdf.written > 0) parts.push(`${summary.pdf.written} PDF records`);
  let text = `${parts.join(', ')}.`;
  if (summary.attachmentProblems.length > 0) text += ` Not copied: ${summary.attachmentProblems.join('; ')}.`;
  if (summary.pdf?.message) text += ` ${summary.pdf.message}`;
  return text;
}

/** One target: its state, last run, pending entries, progress, and what can be done with it. */
export function TargetCard({ target, onChanged }: Props): JSX.Element {
  const [outcome, setOutcome] = useState<{ text: string; failed: boolean } | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const headingId = `sync-target-${target.id}`;

  const syncNow = async () => {
    setOutcome(null);
    try {
      const summary = await call('sync.run', { targetId: target.id });
      setOutcome({ text: runOutcome(summary), failed: !summary.ok });
    } catch (error) {
      setOutcome({ text: messageOf(error), failed: true });
    }
    onChanged();
  };

  const remove = async () => {
    try {
      await call('sync.removeTarget', { targetId: target.id });
      onChanged();
    } catch (error) {
      setOutcome({ text: messageOf(error), failed: true });
    }
  };

  const { progress } = target;
  return (
    <li className="sync-target" aria-labelledby={headingId} data-state={target.state}>
      <div className="sync-target-head">
        <h3 id={headingId} className="sync-target-location" title={target.location}>
          {target.location}
        </h3>
        <span className={`sync-state sync-state-${target.state}`}>{STATE_LABEL[target.state]}</span>
      </div>
      {target.state !== 'reachable' && <p className="sync-state-message">{target.stateMessage}</p>}
      <p className="sync-pending">{pendingText(target.pending)}</p>
      <p className={target.lastResult && target.lastResult !== 'ok' ? 'sync-last sync-last-failed' : 'sync-last'}>
        {lastRunText(target)}
      </p>
      {target.running && progress && (
        <div className="sync-progress">
          <div
            className="sync-progress-bar"
            role="progressbar"
            aria-label={`Sync to ${target.location}`}
            aria-valuemin={0}
            aria-valuemax={Math.max(progress.total, 1)}
            aria-valuenow={progress.done}
            aria-valuetext={progressText(progress)}
          >
            <div
              className="sync-progress-fill"
              style={{ width: `${progress.total > 0 ? (100 * progress.done) / progress.total : 0}%` }}
            />
          </div>
          <span className="sync-progress-text">{progressText(progress)}</span>
        </div>
      )}
      {outcome && (
        <p className={outcome.failed ? 'sync-error' : 'sync-outcome'} role={outcome.failed ? 'alert' : 'status'}>
          {outcome.text}
        </p>
      )}
      <div className="sync-target-actions">
        <button
          type="button"
          className="button button-primary button-small"
          disabled={target.running}
          onClick={() => void syncNow()}
        >
          {target.running ? 'Syncing…' : 'Sync now'}
        </button>
        {confirmRemove ? (
          <span className="sync-confirm" role="group" aria-label="Confirm removing the target">
            <span>Forget this target? Files on the share stay.</span>
            <button type="button" className="button button-small" onClick={() => void remove()}>
              Forget it
            </button>
            <button type="button" className="button button-small" onClick={() => setConfirmRemove(false)}>
              Keep it
            </button>
          </span>
        ) : (
          <button type="button" className="button button-small" onClick={() => setConfirmRemove(true)}>
            Remove…
          </button>
        )}
      </div>
    </li>
  );
}
