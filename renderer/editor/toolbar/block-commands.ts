import {
  INSERT_CHECK_LIST_COMMAND,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  REMOVE_LIST_COMMAND,
} from '@lexical/list';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $createParagraphNode, $getSelection, $isRangeSelection, type ElementNode, type LexicalEditor } from 'lexical';
import type { BlockKind } from './toolbar-state';

function setBlocks(editor: LexicalEditor, create: () => ElementNode) {
  editor.update(() => {
    const selection = $getSelection();
    if ($isRangeSelection(selection)) $setBlocksType(selection, create);
  });
}

/** Applies a block style; applying the style the block already has turns it back into a paragraph. */
export function toggleBlock(editor: LexicalEditor, current: BlockKind, wanted: 'h1' | 'h2' | 'h3' | 'quote'): void {
  if (current === wanted) return setBlocks(editor, () => $createParagraphNode());
  if (wanted === 'quote') return setBlocks(editor, () => $createQuoteNode());
  setBlocks(editor, () => $createHeadingNode(wanted));
}

const LIST_COMMANDS = {
  bullet: INSERT_UNORDERED_LIST_COMMAND,
  number: INSERT_ORDERED_LIST_COMMAND,
  check: INSERT_CHECK_LIST_COMMAND,
} as const;

/** Turns the selected blocks into a list of the given kind, or back into paragraphs. */
export function toggleList(editor: LexicalEditor, current: BlockKind, wanted: keyof typeof LIST_COMMANDS): void {
  if (current === wanted) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
  else editor.dispatchCommand(LIST_COMMANDS[wanted], undefined);
}
