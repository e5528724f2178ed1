import { $isLinkNode } from '@lexical/link';
import { $isListNode, ListNode } from '@lexical/list';
import { $isHeadingNode } from '@lexical/rich-text';
import { $findTableNode } from '@lexical/table';
import { $findMatchingParent, $getNearestNodeOfType } from '@lexical/utils';
import { $getSelection, $isRangeSelection, $isRootOrShadowRoot, type LexicalNode, type TextFormatType } from 'lexical';

/** The kind of block the caret is in, as the toolbar names it. */
export type BlockKind = 'paragraph' | 'h1' | 'h2' | 'h3' | 'quote' | 'bullet' | 'number' | 'check' | 'code' | 'other';

export const TOGGLED_FORMATS = [
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'subscript',
  'superscript',
  'code',
] as const satisfies readonly TextFormatType[];

export type ToggledFormat = (typeof TOGGLED_FORMATS)[number];

export interface ToolbarState {
  block: BlockKind;
  formats: Record<ToggledFormat, boolean>;
  link: boolean;
  inTable: boolean;
}

export const EMPTY_TOOLBAR_STATE: ToolbarState = {
  block: 'paragraph',
  formats: {
    bold: false,
    italic: false,
    underline: false,
    strikethrough: false,
    subscript: false,
    superscript: false,
    code: false,
  },
  link: false,
  inTable: false,
};

function blockKindOf(anchor: LexicalNode): BlockKind {
  const top =
    anchor.getKey() === 'root'
      ? anchor
      : $findMatchingParent(anchor, (node) => {
          const parent = node.getParent();
          return parent !== null && $isRootOrShadowRoot(parent);
        });
  if (top === null) return 'other';
  if ($isListNode(top)) {
    const list = $getNearestNodeOfType(anchor, ListNode) ?? top;
    return list.getListType();
  }
  if ($isHeadingNode(top)) {
    const tag = top.getTag();
    return tag === 'h1' || tag === 'h2' || tag === 'h3' ? tag : 'other';
  }
  const type = top.getType();
  return type === 'paragraph' || type === 'quote' || type === 'code' ? type : 'other';
}

/** Reads what the toolbar should show for the current selection. Call inside a read. */
export function $readToolbarState(): ToolbarState {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return EMPTY_TOOLBAR_STATE;
  const anchor = selection.anchor.getNode();
  const formats = Object.fromEntries(TOGGLED_FORMATS.map((f) => [f, selection.hasFormat(f)])) as Record<
    ToggledFormat,
    boolean
  >;
  const focus = selection.focus.getNode();
  const link = [anchor, focus].some((node) => $isLinkNode(node) || $isLinkNode(node.getParent()));
  return { block: blockKindOf(anchor), formats, link, inTable: $findTableNode(anchor) !== null };
}

/** Whether two toolbar states show the same thing. */
export function sameToolbarState(a: ToolbarState, b: ToolbarState): boolean {
  return (
    a === b ||
    (a.block === b.block &&
      a.link === b.link &&
      a.inTable === b.inTable &&
      TOGGLED_FORMATS.every((f) => a.formats[f] === b.formats[f]))
  );
}
