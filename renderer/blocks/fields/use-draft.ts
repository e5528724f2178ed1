import { useState } from 'react';

/**
 * The text in a box, kept locally while typing so the caret never jumps, and
 * replaced by the stored value only when that changed for another reason
 * (undo, redo, a paste into the table, another window).
 *
 * `read` turns text into what would be stored; the text is left alone as
 * long as it still reads as the stored value ("1.50" stays "1.50").
 */
export function useDraft(
  stored: unknown,
  toText: (value: unknown) => string,
  read: (text: string) => unknown,
): [string, (text: string) => void] {
  const [text, setText] = useState(() => toText(stored));
  const [seen, setSeen] = useState(stored);
  if (seen !== stored) {
    setSeen(stored);
    if (JSON.stringify(read(text)) !== JSON.stringify(stored)) setText(toText(stored));
  }
  return [text, setText];
}
