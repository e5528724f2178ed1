import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../../shared/domain/types';

export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * Splits a search snippet into plain and matched runs. The core marks matches
 * with control characters, so the text is never parsed as HTML.
 */
export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let text = '';
  const flush = () => {
    if (text) parts.push({ text, match });
    text = '';
  };
  for (const ch of snippet) {
    if (ch === SNIPPET_OPEN || ch === SNIPPET_CLOSE) {
      flush();
      match = ch === SNIPPET_OPEN;
    } else text += ch;
  }
  flush();
  return parts;
}
