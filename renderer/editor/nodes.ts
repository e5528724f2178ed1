import type { Klass, LexicalNode } from 'lexical';
import { ProtocolBlockNode } from '../blocks/node/ProtocolBlockNode';
import { RICH_TEXT_NODES } from './rich-text-nodes';
import { AttachmentImageNode } from './images/AttachmentImageNode';

/**
 * Every node an entry may contain. Removing one breaks loading of entries that
 * use it, so this list only grows. ProtocolBlockNode holds a protocol template
 * block (renderer/blocks), AttachmentImageNode a picture (renderer/editor/images).
 */
export const ENTRY_NODES: ReadonlyArray<Klass<LexicalNode>> = [
  ...RICH_TEXT_NODES,
  ProtocolBlockNode,
  AttachmentImageNode,
];
