import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createNodeSelection,
  $createParagraphNode,
  $getNodeByKey,
  $getSelection,
  $isElementNode,
  $isNodeSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_LOW,
  KEY_BACKSPACE_COMMAND,
  KEY_DELETE_COMMAND,
  KEY_DOWN_COMMAND,
  KEY_ENTER_COMMAND,
  type LexicalNode,
} from 'lexical';
import { useEffect } from 'react';
import { $isProtocolBlockNode, type ProtocolBlockNode } from './node/ProtocolBlockNode';

const SELECTED = 'pb-selected';

/** The protocol blocks in a node selection (null when it holds anything else). */
function $selectedBlocks(): ProtocolBlockNode[] | null {
  const selection = $getSelection();
  if (!$isNodeSelection(selection)) return null;
  const nodes = selection.getNodes();
  return nodes.length > 0 && nodes.every($isProtocolBlockNode) ? (nodes as ProtocolBlockNode[]) : null;
}

/** The block right before (or after) a collapsed caret at the very start (or end) of its top-level block. */
function $blockBesideCaret(backward: boolean): ProtocolBlockNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
  const anchor = selection.anchor.getNode();
  const top = anchor.getTopLevelElement();
  if (!top || !$isElementNode(top)) return null;
  const edge: LexicalNode | null = backward ? top.getFirstDescendant() : top.getLastDescendant();
  const atEdge = backward
    ? selection.anchor.offset === 0 && (edge === null || edge.is(anchor) || top.is(anchor))
    : edge === null
      ? true
      : edge.is(anchor) && selection.anchor.offset === anchor.getTextContentSize();
  if (!atEdge) return null;
  const beside = backward ? top.getPreviousSibling() : top.getNextSibling();
  return $isProtocolBlockNode(beside) ? beside : null;
}

function $selectBlock(block: ProtocolBlockNode): void {
  const selection = $createNodeSelection();
  selection.add(block.getKey());
  $setSelection(selection);
}

/** Caret at the start of the text after a block (a new paragraph when there is none). */
function $caretAfter(block: ProtocolBlockNode): void {
  const next = block.getNextSibling();
  if ($isElementNode(next)) next.selectStart();
  else block.insertAfter($createParagraphNode()).selectStart();
}

/**
 * Keyboard safety around protocol blocks, as Lexical's playground does for its
 * decorators: Backspace (or Delete) next to a block first selects it, with an
 * outline; only a second press removes it (and Ctrl+Z brings it back). Typing
 * while a block is selected does not replace it; Enter moves below it.
 */
export function BlockSelectionPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const onDelete = (backward: boolean) => (event: KeyboardEvent | null) => {
      const selected = $selectedBlocks();
      if (selected) {
        event?.preventDefault();
        const last = selected[selected.length - 1] as ProtocolBlockNode;
        const next = last.getNextSibling();
        const previous = selected[0]?.getPreviousSibling() ?? null;
        for (const block of selected) block.remove();
        if ($isElementNode(next)) next.selectStart();
        else if ($isElementNode(previous)) previous.selectEnd();
        else $setSelection(null);
        return true;
      }
      const beside = $blockBesideCaret(backward);
      if (!beside) return false;
      event?.preventDefault();
      $selectBlock(beside);
      return true;
    };
    let shown = new Set<string>();
    return mergeRegister(
      editor.registerCommand(KEY_BACKSPACE_COMMAND, onDelete(true), COMMAND_PRIORITY_LOW),
      editor.registerCommand(KEY_DELETE_COMMAND, onDelete(false), COMMAND_PRIORITY_LOW),
      editor.registerCommand(
        KEY_ENTER_COMMAND,
        (event) => {
          const selected = $selectedBlocks();
          if (!selected) return false;
          event?.preventDefault();
          $caretAfter(selected[selected.length - 1] as ProtocolBlockNode);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          // A printable key on a selected block would replace it with the letter.
          if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return false;
          if (!$selectedBlocks()) return false;
          event.preventDefault();
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerUpdateListener(({ editorState }) => {
        const keys = editorState.read(() => new Set(($selectedBlocks() ?? []).map((b) => b.getKey())));
        for (const key of shown) if (!keys.has(key)) editor.getElementByKey(key)?.classList.remove(SELECTED);
        for (const key of keys) {
          const element = editor.getElementByKey(key);
          if (element && editorState.read(() => $getNodeByKey(key) !== null)) element.classList.add(SELECTED);
        }
        shown = keys;
      }),
    );
  }, [editor]);
  return null;
}
