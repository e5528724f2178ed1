import { type JSX, useEffect, useRef, useState } from 'react';

interface Props {
  initial: string;
  readOnly: boolean;
  /** Focus and select the title: the entry was just created. */
  autoFocus: boolean;
  onChange: (title: string) => void;
  onCommit: () => void;
  /** Enter in the title moves on to the text. */
  onDone: () => void;
}

/** The entry's title; edits are saved like the text, without a Save button. */
export function TitleField({ initial, readOnly, autoFocus, onChange, onCommit, onDone }: Props): JSX.Element {
  const [value, setValue] = useState(initial);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (autoFocus) input.current?.select();
  }, [autoFocus]);

  return (
    <input
      ref={input}
      className="title-field"
      aria-label="Entry title"
      placeholder="Untitled entry"
      maxLength={300}
      value={value}
      readOnly={readOnly}
      onChange={(event) => {
        setValue(event.target.value);
        onChange(event.target.value);
      }}
      onBlur={onCommit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          onCommit();
          onDone();
        }
      }}
    />
  );
}
