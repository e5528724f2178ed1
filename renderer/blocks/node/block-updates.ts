import { $getNodeByKey, HISTORY_MERGE_TAG, type LexicalEditor, type NodeKey, SKIP_DOM_SELECTION_TAG } from 'lexical';
import { $isProtocolBlockNode, type ProtocolBlockNode } from './ProtocolBlockNode';

/**
 * Marks an update as an edit of a block's values. AutosavePlugin saves these
 * even when they carry history-merge (which otherwise means "content loaded").
 */
export const BLOCK_EDIT_TAG = 'persist-block-edit';

/** Keystrokes in one field within this long become one undo step. */
const MERGE_WINDOW_MS = 1200;

let lastEdit = { key: '', at: 0 };

/** Forgets the typing burst, so the next edit starts a new undo step. */
export function breakUndoMerge(): void {
  lastEdit = { key: '', at: 0 };
}

/**
 * Runs `change` on the block's node in an editor update. Edits of the same
 * field that follow each other quickly merge into one undo step, so Ctrl+Z
 * takes back a typed number, not its last digit.
 */
export function updateBlock(
  editor: LexicalEditor,
  nodeKey: NodeKey,
  change: (node: ProtocolBlockNode) => void,
  mergeKey?: string,
): void {
  const now = Date.now();
  const key = mergeKey === undefined ? '' : `${nodeKey}\u0000${mergeKey}`;
  const merge = key !== '' && lastEdit.key === key && now - lastEdit.at < MERGE_WINDOW_MS;
  lastEdit = { key, at: now };
  editor.update(
    () => {
      const node = $getNodeByKey(nodeKey);
      if ($isProtocolBlockNode(node)) change(node);
    },
    // The edit comes from a control inside the block, which keeps the focus: Lexical must not put
    // its caret back into the text (it cannot see focus inside the block's shadow root).
    {
      tag: merge
        ? [BLOCK_EDIT_TAG, HISTORY_MERGE_TAG, SKIP_DOM_SELECTION_TAG]
        : [BLOCK_EDIT_TAG, SKIP_DOM_SELECTION_TAG],
    },
  );
}

/**
 * Sets one field from its latest stored value. `next` receives what the node
 * holds now (not what a possibly stale component saw), so quick successive
 * edits of a table never overwrite each other.
 */
export function updateBlockValue(
  editor: LexicalEditor,
  nodeKey: NodeKey,
  fieldId: string,
  next: (current: unknown) => unknown,
  mergeKey: string = fieldId,
): void {
  updateBlock(editor, nodeKey, (node) => node.setValue(fieldId, next(node.getValues()[fieldId])), mergeKey);
}
