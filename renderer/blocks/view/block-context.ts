import type { LexicalEditor, NodeKey } from 'lexical';
import { createContext, useCallback, useContext } from 'react';
import { updateBlockValue } from '../node/block-updates';

/** What every control inside one block needs; stable for the block's lifetime. */
export interface BlockContextValue {
  editor: LexicalEditor;
  nodeKey: NodeKey;
  blockId: string;
  readOnly: boolean;
}

export const BlockContext = createContext<BlockContextValue | null>(null);

export function useBlockContext(): BlockContextValue {
  const value = useContext(BlockContext);
  if (!value) throw new Error('A block field was rendered outside its block.');
  return value;
}

/** A new value, or a function from the value stored now to the new one. */
export type FieldUpdate = unknown | ((current: unknown) => unknown);

/** A stable setter for one field of the block (undefined clears it). */
export function useFieldSetter(fieldId: string): (update: FieldUpdate, mergeKey?: string) => void {
  const { editor, nodeKey, readOnly } = useBlockContext();
  return useCallback(
    (update: FieldUpdate, mergeKey?: string) => {
      if (readOnly) return;
      const next = typeof update === 'function' ? (update as (current: unknown) => unknown) : () => update;
      updateBlockValue(editor, nodeKey, fieldId, next, mergeKey ?? fieldId);
    },
    [editor, nodeKey, fieldId, readOnly],
  );
}
