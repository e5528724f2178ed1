import type { LexicalNodeJson, LexicalState } from './types';

/** Node types whose content reads as its own line of text. */
const BLOCK_TYPES = new Set(['paragraph', 'heading', 'quote', 'listitem', 'code']);

function textOf(node: LexicalNodeJson): string {
  if (typeof node.text === 'string') return node.text;
  if (node.type === 'linebreak') return '\n';
  // A picture of the text reads as its description (the file name unless written).
  if (node.type === 'attachment-image') return typeof node.alt === 'string' ? `${node.alt}\n` : '';
  const children = node.children ?? [];
  if (node.type === 'tablerow') {
    // One line per row, cells apart by tabs, as a spreadsheet would paste it.
    return (
      children
        .map((cell) =>
          textOf(cell)
            .replace(/\s*\n\s*/g, ' ')
            .trim(),
        )
        .join('\t') + '\n'
    );
  }
  const inner = children.map(textOf).join('');
  return BLOCK_TYPES.has(node.type) ? `${inner}\n` : inner;
}

/**
 * Flattens a Lexical document into plain text for full-text search and
 * previews, without the Lexical runtime: text nodes are joined, blocks end
 * lines and table cells are separated by tabs.
 */
export function plainTextOf(state: LexicalState): string {
  return textOf(state.root)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
