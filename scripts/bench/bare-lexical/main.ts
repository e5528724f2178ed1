/**
 * The reference for the keystroke benchmark: a plain Lexical editor
 * (LexicalComposer + RichTextPlugin + HistoryPlugin and the entry's rich-text
 * nodes) with no Persist chrome, no blocks, no autosave. It shares only what
 * decides how the text lays out: the theme's class names and the content
 * styles, in the same scrolling box, so both editors wrap the same lines.
 * Written without JSX so the project's scripts tsconfig checks it as is.
 */
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { createElement as h, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { entryTheme } from '../../../renderer/editor/theme';
import { BARE_NODES } from './nodes';
import '../../../renderer/styles/base.css';
import '../../../renderer/styles/content.css';

/** Set by the benchmark (an init script) before this module runs: the serialized editor state. */
const BENCH_DOCUMENT = '__BENCH_DOCUMENT__';

const serialized = (window as unknown as Record<string, unknown>)[BENCH_DOCUMENT];
const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');

const initialConfig = {
  namespace: 'bare-lexical',
  nodes: [...BARE_NODES],
  theme: entryTheme,
  editorState: typeof serialized === 'string' ? serialized : undefined,
  onError: (error: Error) => {
    throw error;
  },
};

createRoot(container).render(
  h(
    StrictMode,
    null,
    h(
      LexicalComposer,
      { initialConfig },
      h(
        'div',
        { className: 'editor-body', style: { height: '100vh', background: 'var(--bg-pane)' } },
        h(RichTextPlugin, {
          contentEditable: h(ContentEditable, { className: 'editor-content', 'aria-label': 'Entry text' }),
          ErrorBoundary: LexicalErrorBoundary,
        }),
      ),
      h(HistoryPlugin, null),
    ),
  ),
);
