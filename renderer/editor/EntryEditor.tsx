import { CheckListPlugin } from '@lexical/react/LexicalCheckListPlugin';
import { type InitialConfigType, LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { HorizontalRulePlugin } from '@lexical/react/LexicalHorizontalRulePlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { type JSX, type ReactNode, type Ref, useState } from 'react';
import type { LexicalState } from '../../shared/domain/types';
import { BlockSelectionPlugin } from '../blocks/BlockSelectionPlugin';
import { SlashMenuPlugin } from '../blocks/insert/SlashMenuPlugin';
import { createProblemLevelSink, type ProblemLevel, ProblemLevelContext } from '../blocks/view/problem-levels';
import { isAllowedLinkUrl, LINK_ATTRIBUTES } from './link-url';
import { ENTRY_NODES } from './nodes';
import { AutosavePlugin } from './plugins/AutosavePlugin';
import { LinkGuardPlugin } from './plugins/LinkGuardPlugin';
import { ImagePastePlugin } from './images/ImagePastePlugin';
import { entryTheme } from './theme';
import { Toolbar } from './toolbar/Toolbar';
import { ENTRY_TRANSFORMERS } from './transformers';

interface Props {
  content: LexicalState;
  readOnly: boolean;
  onChange: (snapshot: () => LexicalState) => void;
  /** The editable element, so the title field can hand focus to the text. */
  contentRef?: Ref<HTMLDivElement>;
  /** Told the worst problem of the entry's protocol blocks whenever it changes. */
  onProblemLevel?: (level: ProblemLevel) => void;
  /** Shown below the text, inside the scrolling area (back-links, lineage). */
  footer?: ReactNode;
}

const PLACEHOLDER =
  'Write here. Type “/” for a protocol block, “# ” for a heading, “- ” for a list, “[] ” for a checklist.';

/**
 * The rich-text editor for one entry. Mounted once per entry (keyed by id by
 * its parent), so its undo history and initial content belong to that entry.
 */
export function EntryEditor({ content, readOnly, onChange, contentRef, onProblemLevel, footer }: Props): JSX.Element {
  const [problemSink] = useState(() => createProblemLevelSink((level) => onProblemLevel?.(level)));
  // Read once: LexicalComposer ignores later changes to its initial config.
  const [initialConfig] = useState<InitialConfigType>(() => ({
    namespace: 'persist-entry',
    nodes: ENTRY_NODES,
    theme: entryTheme,
    editable: !readOnly,
    editorState: JSON.stringify(content),
    onError: (error) => {
      throw error;
    },
  }));

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <ProblemLevelContext.Provider value={problemSink}>
        {!readOnly && <Toolbar />}
        <div className="editor-body">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                ref={contentRef}
                className="editor-content"
                aria-label="Entry text"
                aria-placeholder={PLACEHOLDER}
                placeholder={<div className="editor-placeholder">{PLACEHOLDER}</div>}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
          {footer}
        </div>
        <HistoryPlugin />
        <ListPlugin />
        <CheckListPlugin />
        <TablePlugin hasCellMerge={false} hasCellBackgroundColor={false} hasHorizontalScroll />
        <LinkPlugin validateUrl={isAllowedLinkUrl} attributes={LINK_ATTRIBUTES} />
        <HorizontalRulePlugin />
        <MarkdownShortcutPlugin transformers={ENTRY_TRANSFORMERS} />
        <LinkGuardPlugin />
        {!readOnly && <AutosavePlugin onChange={onChange} />}
        {!readOnly && <SlashMenuPlugin />}
        {!readOnly && <BlockSelectionPlugin />}
        {!readOnly && <ImagePastePlugin />}
      </ProblemLevelContext.Provider>
    </LexicalComposer>
  );
}
