import { type JSX, useEffect, useRef, useState } from 'react';

interface Props {
  label: string;
  initial?: string;
  submitLabel: string;
  /** Resolves true when the name was accepted; the form then closes. */
  onSubmit: (name: string) => Promise<boolean>;
  onCancel: () => void;
}

/** A one-field form for naming things (new notebook, rename). Enter saves, Escape cancels. */
export function InlineNameForm({ label, initial = '', submitLabel, onSubmit, onCancel }: Props): JSX.Element {
  const [value, setValue] = useState(initial);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.select(), []);

  const submit = async () => {
    const name = value.trim();
    if (name === '' || busy) return;
    setBusy(true);
    const accepted = await onSubmit(name);
    setBusy(false);
    if (!accepted) input.current?.focus();
  };

  return (
    <form
      className="inline-form"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <input
        ref={input}
        className="inline-form-input"
        aria-label={label}
        maxLength={200}
        value={value}
        onChange={(event) => setValue(event.target.value)}
      />
      <div className="inline-form-actions">
        <button type="submit" className="button button-primary button-small" disabled={busy || value.trim() === ''}>
          {submitLabel}
        </button>
        <button type="button" className="button button-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
