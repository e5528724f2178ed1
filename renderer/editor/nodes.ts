import { CodeHighlightNode, CodeNode } from '@lexical/code';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { HorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import type { Klass, LexicalNode } from 'lexical';
import { ProtocolBlockNode } from '../blocks/node/ProtocolBlockNode';

/**
 * Every node an entry may contain. Removing one breaks loading of entries that
 * use it, so this list only grows. CodeNode is here because the markdown
 * shortcuts include ``` code blocks; CodeHighlightNode because CodeNode creates
 * it when a new line keeps the indentation. ProtocolBlockNode holds a
 * protocol template block (renderer/blocks).
 */
export const ENTRY_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  TableNode,
  TableRowNode,
  TableCellNode,
  LinkNode,
  AutoLinkNode,
  CodeNode,
  CodeHighlightNode,
  HorizontalRuleNode,
  ProtocolBlockNode,
];
