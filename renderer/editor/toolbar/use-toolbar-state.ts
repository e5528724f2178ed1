import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { CAN_REDO_COMMAND, CAN_UNDO_COMMAND, COMMAND_PRIORITY_LOW, SELECTION_CHANGE_COMMAND } from 'lexical';
import { useEffect, useState } from 'react';
import { $readToolbarState, EMPTY_TOOLBAR_STATE, sameToolbarState, type ToolbarState } from './toolbar-state';

/** Follows the selection (as the playground's toolbar does) and the undo stack. */
export function useToolbarState() {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>(EMPTY_TOOLBAR_STATE);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);

  useEffect(() => {
    // Keeping the previous object when nothing changed lets React skip the
    // render: this runs on every keystroke.
    const store = (next: ToolbarState) => setState((prev) => (sameToolbarState(prev, next) ? prev : next));
    const refresh = () => store(editor.getEditorState().read($readToolbarState));
    return mergeRegister(
      editor.registerUpdateListener(({ editorState }) => store(editorState.read($readToolbarState))),
      editor.registerCommand(
        SELECTION_CHANGE_COMMAND,
        () => {
          refresh();
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        CAN_UNDO_COMMAND,
        (value) => {
          setCanUndo(value);
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        CAN_REDO_COMMAND,
        (value) => {
          setCanRedo(value);
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor]);

  return { editor, state, canUndo, canRedo };
}
