import type { JSX } from 'react';
import { splitSnippet } from './snippet';

/** A search snippet with its matches highlighted, built as React text nodes. */
export function Snippet({ text }: { text: string }): JSX.Element {
  return (
    <span className="snippet">
      {splitSnippet(text).map((part, i) =>
        part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </span>
  );
}
