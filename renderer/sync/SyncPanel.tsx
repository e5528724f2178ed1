import { type JSX, useEffect, useRef, useState } from 'react';
import { AddTargetForm } from './AddTargetForm';
import { TargetCard } from './TargetCard';
import { useSyncTargets } from './use-sync-targets';

interface Props {
  onClose: () => void;
}

/**
 * The sync panel: every shared folder Persist copies records to, with its
 * state in plain words, last run, pending entries and a progress bar while a
 * run is under way; "Sync now", "Add target…" and "Remove…". Escape closes it.
 */
export function SyncPanel({ onClose }: Props): JSX.Element {
  const { list, loadError, refresh } = useSyncTargets();
  const [adding, setAdding] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  const interval = list && list.intervalMs > 0 ? Math.round(list.intervalMs / 60_000) : null;
  return (
    <section
      id="sync-panel"
      className="sync-panel"
      role="dialog"
      aria-labelledby="sync-panel-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="sync-panel-head">
        <h2 id="sync-panel-title" ref={heading} tabIndex={-1}>
          Sync to shared storage
        </h2>
        <button type="button" className="button button-small" aria-label="Close sync panel" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="sync-panel-note">
        Records are copied to each folder whenever it is there
        {interval ? `: at start and every ${interval} minute${interval === 1 ? '' : 's'}` : ''}. Nothing on a share is
        ever deleted.
      </p>
      {loadError && (
        <p className="sync-error" role="alert">
          {loadError}
        </p>
      )}
      {list && list.targets.length === 0 && !adding && <p className="sync-empty">No shared folder is set up yet.</p>}
      {list && list.targets.length > 0 && (
        <ul className="sync-targets" aria-label="Sync targets">
          {list.targets.map((target) => (
            <TargetCard key={target.id} target={target} onChanged={() => void refresh()} />
          ))}
        </ul>
      )}
      {adding ? (
        <AddTargetForm
          canChooseFolder={list?.canChooseFolder ?? false}
          onAdded={() => {
            setAdding(false);
            void refresh();
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <button type="button" className="button button-small sync-add-open" onClick={() => setAdding(true)}>
          Add target…
        </button>
      )}
    </section>
  );
}
