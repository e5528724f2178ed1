import { type JSX, useRef, useState } from 'react';
import { SyncPanel } from './SyncPanel';
import './sync.css';

/** The top bar's "Sync" button: opens and closes the sync panel, and takes focus back when it closes. */
export function SyncButton(): JSX.Element {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="sync-anchor">
      <button
        ref={button}
        type="button"
        className="button button-small sync-button"
        aria-expanded={open}
        aria-controls={open ? 'sync-panel' : undefined}
        onClick={() => (open ? close() : setOpen(true))}
      >
        Sync
      </button>
      {open && <SyncPanel onClose={close} />}
    </div>
  );
}
