import { $createLinkNode, $toggleLink } from '@lexical/link';
import {
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  type BaseSelection,
  type LexicalEditor,
} from 'lexical';
import { LINK_ATTRIBUTES } from '../link-url';

/** The selection when the link form opened; focus moves to the form meanwhile. */
export function captureSelection(editor: LexicalEditor): BaseSelection | null {
  return editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
}

/**
 * Links the selected text to a (validated) URL. With nothing selected, the
 * address itself is inserted as the link text.
 */
export function applyLink(editor: LexicalEditor, selection: BaseSelection | null, url: string): void {
  editor.update(() => {
    if (selection) $setSelection(selection.clone());
    const current = $getSelection();
    if ($isRangeSelection(current) && current.isCollapsed()) {
      current.insertNodes([$createLinkNode(url, LINK_ATTRIBUTES).append($createTextNode(url))]);
    } else {
      $toggleLink(url, LINK_ATTRIBUTES);
    }
  });
}

export function removeLink(editor: LexicalEditor): void {
  editor.update(() => $toggleLink(null));
}
