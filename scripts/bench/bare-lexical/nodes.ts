import type { Klass, LexicalNode } from 'lexical';
import { RICH_TEXT_NODES } from '../../../renderer/editor/rich-text-nodes';

/**
 * The entry's rich-text nodes without the protocol block: importing the full
 * ENTRY_NODES would pull the whole block system into the reference page.
 */
export const BARE_NODES: ReadonlyArray<Klass<LexicalNode>> = RICH_TEXT_NODES;
