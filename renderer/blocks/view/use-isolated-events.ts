import { type LexicalEditor, REDO_COMMAND, stopLexicalPropagation, UNDO_COMMAND } from 'lexical';
import { type RefObject, useEffect } from 'react';
import { breakUndoMerge } from '../node/block-updates';

/**
 * Events that Lexical's root listeners would otherwise take from the block's
 * own controls: keys (Ctrl+A would select the document, Enter would split a
 * paragraph, Backspace would delete the block), clipboard, drag and drop,
 * composition. They are marked handled for Lexical only, so they still
 * bubble on to React's handlers and the browser does its usual thing.
 */
const ISOLATED = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'paste',
  'copy',
  'cut',
  'drop',
  'dragstart',
  'dragover',
  'dragend',
  'compositionstart',
  'compositionend',
  'pointerdown',
  'click',
] as const;

function isUndo(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'z' && !event.shiftKey;
}

function isRedo(event: KeyboardEvent): boolean {
  const mod = (event.ctrlKey || event.metaKey) && !event.altKey;
  const key = event.key.toLowerCase();
  return mod && ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey));
}

/**
 * A native listener on the block's wrapper (React's own handlers run too late:
 * Lexical listens on the editable root, below React's root). Undo and redo
 * inside a field are the editor's, so they also restore values of other
 * fields and blocks in the order they were made.
 */
export function useIsolatedEvents(ref: RefObject<HTMLElement | null>, editor: LexicalEditor): void {
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const onEvent = (event: Event) => {
      stopLexicalPropagation(event);
      if (event.type !== 'keydown') return;
      const key = event as KeyboardEvent;
      if (isUndo(key) || isRedo(key)) {
        key.preventDefault();
        breakUndoMerge();
        editor.dispatchCommand(isUndo(key) ? UNDO_COMMAND : REDO_COMMAND, undefined);
      }
    };
    for (const type of ISOLATED) element.addEventListener(type, onEvent);
    return () => {
      for (const type of ISOLATED) element.removeEventListener(type, onEvent);
    };
  }, [ref, editor]);
}
