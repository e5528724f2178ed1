import { type JSX, useEffect, useRef, useState } from 'react';
import { call } from '../api/client';
import { messageOf } from '../api/api-error';

interface Props {
  /** The host has a folder picker (Electron): offer "Choose folder…" beside the path field. */
  canChooseFolder: boolean;
  onAdded: () => void;
  onCancel: () => void;
}

/**
 * Adds a shared folder as a target: its full path typed, or picked with the
 * system's folder picker where there is one. The core checks the folder
 * (exists, is a folder, not inside the profile) and says what is wrong.
 */
export function AddTargetForm({ canChooseFolder, onAdded, onCancel }: Props): JSX.Element {
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  const add = async () => {
    if (busy || path.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      await call('sync.addTarget', { path: path.trim() });
      onAdded();
    } catch (failure) {
      setError(messageOf(failure));
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const choose = async () => {
    try {
      const chosen = await call('sync.chooseFolder', {});
      if (chosen.path) setPath(chosen.path);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  return (
    <form
      className="sync-add"
      aria-label="Add a sync target"
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <label className="sync-add-label" htmlFor="sync-add-path">
        Full path of the shared folder
      </label>
      <div className="sync-add-row">
        <input
          id="sync-add-path"
          ref={input}
          className="sync-add-input"
          value={path}
          placeholder="/mnt/lab-share/persist"
          spellCheck={false}
          autoComplete="off"
          maxLength={4096}
          aria-invalid={error !== null}
          aria-describedby={error ? 'sync-add-error' : undefined}
          onChange={(event) => setPath(event.target.value)}
        />
        {canChooseFolder && (
          <button type="button" className="button button-small" onClick={() => void choose()}>
            Choose folder…
          </button>
        )}
      </div>
      {error && (
        <p id="sync-add-error" className="sync-error" role="alert">
          {error}
        </p>
      )}
      <div className="sync-add-actions">
        <button type="submit" className="button button-primary button-small" disabled={busy || path.trim() === ''}>
          Add target
        </button>
        <button type="button" className="button button-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
