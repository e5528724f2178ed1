import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { type EditorState, HISTORY_MERGE_TAG } from 'lexical';
import { useEffect } from 'react';
import type { LexicalState } from '../../../shared/domain/types';
import { BLOCK_EDIT_TAG } from '../../blocks/node/block-updates';

/**
 * Lexical's serialized state is exactly what the core stores as an entry's
 * content; the two type declarations differ only in that ours is an open
 * record, so the conversion is a cast.
 */
export function serializeEditorState(state: EditorState): LexicalState {
  return state.toJSON() as unknown as LexicalState;
}

/**
 * Reports every change to the document (not mere caret moves) with a snapshot
 * function, so serialization happens only when a save is actually sent.
 *
 * Not changes: updates tagged history-merge, which are Lexical loading the
 * stored state (OnChangePlugin makes the same assumption) - except edits of a
 * protocol block's values, merged into one undo step per typed value - and updates that
 * only mark blocks dirty without altering them (focusing an empty entry does
 * this). The latter are recognised by comparing serializations, which is done
 * only when no text node changed, so typing never pays for it.
 */
export function AutosavePlugin({ onChange }: { onChange: (snapshot: () => LexicalState) => void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let baseline: string | null = JSON.stringify(editor.getEditorState().toJSON());
    return editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves, prevEditorState, tags }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      if (prevEditorState.isEmpty() || (tags.has(HISTORY_MERGE_TAG) && !tags.has(BLOCK_EDIT_TAG))) {
        baseline = JSON.stringify(editorState.toJSON());
        return;
      }
      if (dirtyLeaves.size === 0) {
        const json = JSON.stringify(editorState.toJSON());
        if (json === baseline) return;
        baseline = json;
      } else {
        baseline = null;
      }
      onChange(() => serializeEditorState(editorState));
    });
  }, [editor, onChange]);
  return null;
}
