import {
  $createParagraphNode,
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  type LexicalEditor,
  type NodeKey,
} from 'lexical';
import { $insertNodeToNearestRoot } from '@lexical/utils';
import type { BlockValues } from '../../../shared/templates/block';
import { newId, withNewRowIds } from './ids';
import { $createProtocolBlockNode, type ProtocolBlockNode } from './ProtocolBlockNode';
import { updateBlock } from './block-updates';

export interface NewBlock {
  templateId: string;
  templateVersion: number;
  values: BlockValues;
}

/** Keeps a paragraph after a block at the end, so writing can go on below it. */
function $ensureParagraphAfter(node: ProtocolBlockNode): void {
  if (node.getNextSibling() === null) node.insertAfter($createParagraphNode());
}

/**
 * Inserts a block where the caret is. An empty paragraph (say, one that held
 * only the "/" command) is replaced by the block instead of left behind.
 * Returns the new block's id so the caller can focus its first field.
 */
export function insertProtocolBlock(editor: LexicalEditor, block: NewBlock): string {
  const blockId = newId();
  editor.update(() => {
    const node = $createProtocolBlockNode({ blockId, ...block });
    const selection = $getSelection();
    const top = $isRangeSelection(selection) ? selection.anchor.getNode().getTopLevelElement() : null;
    if ($isParagraphNode(top) && top.getTextContent().trim() === '' && top.getChildrenSize() === 0) {
      top.replace(node);
    } else {
      $insertNodeToNearestRoot(node);
    }
    $ensureParagraphAfter(node);
  });
  return blockId;
}

export function setBlockCollapsed(editor: LexicalEditor, nodeKey: NodeKey, collapsed: boolean): void {
  updateBlock(editor, nodeKey, (node) => node.setCollapsed(collapsed));
}

/** A copy right after the block: new block id, new row ids, same template version and values. */
export function duplicateBlock(editor: LexicalEditor, nodeKey: NodeKey): string {
  const blockId = newId();
  updateBlock(editor, nodeKey, (node) => {
    const copy = $createProtocolBlockNode({
      blockId,
      templateId: node.getTemplateId(),
      templateVersion: node.getTemplateVersion(),
      values: withNewRowIds(node.getValues()),
      collapsed: false,
    });
    node.insertAfter(copy);
  });
  return blockId;
}

/** Removes the block; Ctrl+Z (or Undo in the toolbar) brings it back. */
export function deleteBlock(editor: LexicalEditor, nodeKey: NodeKey): void {
  updateBlock(editor, nodeKey, (node) => {
    if (node.getNextSibling() === null && node.getPreviousSibling() === null) node.insertAfter($createParagraphNode());
    node.remove();
  });
}
