import type { JSX, RefObject } from 'react';
import { IMAGE_ACCEPT } from './attach-file';

interface Props {
  inputRef: RefObject<HTMLInputElement | null>;
  id?: string;
  onFile: (file: File) => void;
}

/**
 * The hidden file chooser behind an "Attach…" or "Choose image…" button (the
 * button calls `inputRef.current.click()`). It is cleared after each choice,
 * so choosing the same file again still counts as a choice.
 */
export function ImageFileInput({ inputRef, id, onFile }: Props): JSX.Element {
  return (
    <input
      ref={inputRef}
      id={id}
      className="visually-hidden"
      type="file"
      accept={IMAGE_ACCEPT}
      tabIndex={-1}
      aria-hidden="true"
      onChange={(event) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
}
