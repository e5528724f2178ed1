import type { LexicalNodeJson, LexicalState } from './types';

/** Node types whose content reads as its own line of text. */
const BLOCK_TYPES = new Set([
  'paragraph',
  'heading',
  'quote',
  'listitem',
  'code',
  'tablerow',
]);

/**
 * Flattens a Lexical document into plain text for full-text search and
 * previews, without the Lexical runtime: text nodes are joined, blocks end
 * lines and table cells are separated by tabs.
 */
export function plainTextOf(state: LexicalState): string {
  const out: string[] = [];
  const walk = (node: LexicalNodeJson): void => {
    if (typeof node.text === 'string') out.push(node.text);
    if (node.type === 'linebreak') out.push('\n');
    const children = node.children ?? [];
    children.forEach((child, i) => {
      walk(child);
      if (node.type === 'tablerow' && i < children.length - 1) out.push('\t');
    });
    if (BLOCK_TYPES.has(node.type)) out.push('\n');
  };
  walk(state.root);
  return out
    .join('')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
