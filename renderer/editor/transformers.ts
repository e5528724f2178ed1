import { CHECK_LIST, type Transformer } from '@lexical/markdown';
import { DEFAULT_TRANSFORMERS } from '@lexical/react/LexicalMarkdownShortcutPlugin';

/**
 * Markdown shortcuts: Lexical's defaults ("# ", "- ", "1. ", "> ", ``` , **bold**,
 * "---") plus check lists ("[] ", "[x] "). CHECK_LIST goes first so "- [ ] "
 * becomes a check item rather than a bullet starting with "[ ]".
 */
export const ENTRY_TRANSFORMERS: Transformer[] = [CHECK_LIST, ...DEFAULT_TRANSFORMERS];
