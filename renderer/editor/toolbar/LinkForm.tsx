import { type JSX, useEffect, useId, useRef, useState } from 'react';
import { normalizeLinkUrl } from '../link-url';

interface Props {
  onApply: (url: string) => void;
  onCancel: () => void;
}

/**
 * Asks for a link's address (Electron has no window.prompt). Only web and
 * mail addresses are accepted; anything else is explained, not applied.
 */
export function LinkForm({ onApply, onCancel }: Props): JSX.Element {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const errorId = useId();

  useEffect(() => input.current?.focus(), []);

  const submit = () => {
    const url = normalizeLinkUrl(value);
    if (url === null) setProblem('Enter a web address (https://…) or an e-mail link (mailto:…).');
    else onApply(url);
  };

  return (
    <form
      className="link-form"
      aria-label="Insert link"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
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
        className="link-form-input"
        type="text"
        inputMode="url"
        aria-label="Link address"
        placeholder="https://…"
        value={value}
        aria-invalid={problem !== null}
        aria-describedby={problem ? errorId : undefined}
        onChange={(event) => {
          setValue(event.target.value);
          setProblem(null);
        }}
      />
      <button type="submit" className="button button-primary button-small">
        Apply
      </button>
      <button type="button" className="button button-small" onClick={onCancel}>
        Cancel
      </button>
      {problem && (
        <p id={errorId} className="link-form-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
