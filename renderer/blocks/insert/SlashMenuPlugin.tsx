import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  LexicalTypeaheadMenuPlugin,
  MenuOption,
  useBasicTypeaheadTriggerMatch,
} from '@lexical/react/LexicalTypeaheadMenuPlugin';
import { $getSelection, $isRangeSelection, $isTextNode, type TextNode } from 'lexical';
import { type JSX, useCallback, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import type { TemplateSummary } from '../../../shared/templates/summaries';
import { searchTemplates } from '../templates/template-search';
import { useTemplateList } from '../templates/use-template';
import { insertTemplate } from './insert-template';
import { TemplateOptionView } from './TemplateOptionView';

class TemplateOption extends MenuOption {
  readonly template: TemplateSummary;
  constructor(template: TemplateSummary) {
    super(`${template.id}@${template.version}`);
    this.template = template;
  }
}

/** Like Lexical's default, minus "-" and "_", so "/persister-induction" keeps matching. */
const PUNCTUATION = '\\.,\\+\\*\\?\\$\\@\\|#{}\\(\\)\\^\\[\\]\\\\/!%\'"~=<>:;';
const MAX_SHOWN = 12;

/**
 * Removes what is left of the "/" command before the caret. The menu's own
 * split can lag a fast typist by a keystroke (it would leave "/" behind).
 */
function $removeCommandText(): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return;
  const node = selection.anchor.getNode();
  if (!$isTextNode(node)) return;
  const offset = selection.anchor.offset;
  const before = node.getTextContent().slice(0, offset);
  const match = /(^|\s|\()(\/[^\s/]*)$/.exec(before);
  if (!match?.[2]) return;
  const start = offset - match[2].length;
  node.spliceText(start, match[2].length, '', true);
  if (node.getTextContent() === '') node.remove();
}

/** Typing "/" opens a list of protocol templates; typing more filters it; Enter inserts a block. */
export function SlashMenuPlugin(): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const [query, setQuery] = useState<string | null>(null);
  const list = useTemplateList();
  const triggerFn = useBasicTypeaheadTriggerMatch('/', { minLength: 0, maxLength: 40, punctuation: PUNCTUATION });

  const options = useMemo(
    () =>
      list.status === 'ready'
        ? searchTemplates(list.templates, query ?? '')
            .slice(0, MAX_SHOWN)
            .map((t) => new TemplateOption(t))
        : [],
    [list, query],
  );

  const onSelectOption = useCallback(
    (option: TemplateOption, textNode: TextNode | null, closeMenu: () => void) => {
      editor.update(() => {
        textNode?.remove();
        $removeCommandText();
      });
      closeMenu();
      void insertTemplate(editor, option.template.id, option.template.version);
    },
    [editor],
  );

  return (
    <LexicalTypeaheadMenuPlugin<TemplateOption>
      options={options}
      onQueryChange={setQuery}
      onSelectOption={onSelectOption}
      triggerFn={triggerFn}
      menuRenderFn={(anchor, { selectedIndex, selectOptionAndCleanUp, setHighlightedIndex }) => {
        if (!anchor.current) return null;
        const note =
          list.status === 'error'
            ? `Templates could not be loaded: ${list.message}`
            : list.status !== 'ready'
              ? 'Loading templates…'
              : options.length === 0
                ? 'No template matches.'
                : null;
        return createPortal(
          <div className="slash-menu" role="dialog" aria-label="Insert a protocol block">
            <p className="slash-menu-title">Protocol blocks</p>
            {note ? (
              <p className="slash-menu-note">{note}</p>
            ) : (
              <ul role="listbox" aria-label="Templates">
                {options.map((option, i) => (
                  <li
                    key={option.key}
                    ref={option.setRefElement}
                    role="option"
                    aria-selected={selectedIndex === i}
                    className={`tpl-option${selectedIndex === i ? ' tpl-option-active' : ''}`}
                    onMouseEnter={() => setHighlightedIndex(i)}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => selectOptionAndCleanUp(option)}
                  >
                    <TemplateOptionView template={option.template} />
                  </li>
                ))}
              </ul>
            )}
          </div>,
          anchor.current,
        );
      }}
    />
  );
}
