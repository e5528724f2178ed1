import { INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/react/LexicalHorizontalRuleNode';
import { $setSelection, type BaseSelection, FORMAT_TEXT_COMMAND, REDO_COMMAND, UNDO_COMMAND } from 'lexical';
import { type JSX, useState } from 'react';
import { insertTemplate } from '../../blocks/insert/insert-template';
import { TemplatePicker } from '../../blocks/insert/TemplatePicker';
import { Icon } from '../../ui/icons';
import { toggleBlock, toggleList } from './block-commands';
import { applyLink, captureSelection, removeLink } from './link-commands';
import { LinkForm } from './LinkForm';
import { insertTable, runTableAction } from './table-commands';
import { ToolbarButton, ToolbarGroup } from './ToolbarButton';
import type { ToggledFormat } from './toolbar-state';
import { useToolbarState } from './use-toolbar-state';

const MOD = /Mac|iPhone|iPad/.test(navigator.userAgent) ? '⌘' : 'Ctrl+';

const INLINE: Array<{ format: ToggledFormat; label: string; glyph: JSX.Element; shortcut?: string }> = [
  { format: 'bold', label: 'Bold', glyph: <b>B</b>, shortcut: `${MOD}B` },
  { format: 'italic', label: 'Italic', glyph: <i>I</i>, shortcut: `${MOD}I` },
  { format: 'underline', label: 'Underline', glyph: <u>U</u>, shortcut: `${MOD}U` },
  { format: 'strikethrough', label: 'Strikethrough', glyph: <s>S</s> },
  {
    format: 'subscript',
    label: 'Subscript',
    glyph: (
      <span className="tb-glyph">
        x<sub>2</sub>
      </span>
    ),
  },
  {
    format: 'superscript',
    label: 'Superscript',
    glyph: (
      <span className="tb-glyph">
        x<sup>2</sup>
      </span>
    ),
  },
  { format: 'code', label: 'Inline code', glyph: <span className="tb-mono">{'</>'}</span> },
];

const TABLE_ACTIONS = [
  { action: 'addRow', label: 'Add row', icon: 'rowAdd' },
  { action: 'addColumn', label: 'Add column', icon: 'columnAdd' },
  { action: 'deleteRow', label: 'Delete row', icon: 'rowDelete' },
  { action: 'deleteColumn', label: 'Delete column', icon: 'columnDelete' },
] as const;

/** The formatting toolbar above the entry text. */
export function Toolbar(): JSX.Element {
  const { editor, state, canUndo, canRedo } = useToolbarState();
  // undefined: the link form is closed; otherwise the selection to link once it is filled in.
  const [linkSelection, setLinkSelection] = useState<BaseSelection | null | undefined>(undefined);
  const linkFormOpen = linkSelection !== undefined;
  // Likewise for the template picker: where the block goes once a template is chosen.
  const [blockSelection, setBlockSelection] = useState<BaseSelection | null | undefined>(undefined);

  const closeLinkForm = () => {
    setLinkSelection(undefined);
    editor.focus();
  };

  return (
    <div className="toolbar-wrap">
      <div className="toolbar" role="toolbar" aria-label="Formatting">
        <ToolbarGroup label="History">
          <ToolbarButton
            label="Undo"
            shortcut={`${MOD}Z`}
            disabled={!canUndo}
            onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
          >
            <Icon name="undo" />
          </ToolbarButton>
          <ToolbarButton
            label="Redo"
            shortcut={`${MOD}Shift+Z`}
            disabled={!canRedo}
            onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
          >
            <Icon name="redo" />
          </ToolbarButton>
        </ToolbarGroup>
        <ToolbarGroup label="Block style">
          {(['h1', 'h2', 'h3'] as const).map((tag) => (
            <ToolbarButton
              key={tag}
              label={`Heading ${tag[1]}`}
              pressed={state.block === tag}
              onClick={() => toggleBlock(editor, state.block, tag)}
            >
              <span className="tb-glyph">H{tag[1]}</span>
            </ToolbarButton>
          ))}
          <ToolbarButton
            label="Quote"
            pressed={state.block === 'quote'}
            onClick={() => toggleBlock(editor, state.block, 'quote')}
          >
            <Icon name="quote" />
          </ToolbarButton>
        </ToolbarGroup>
        <ToolbarGroup label="Text format">
          {INLINE.map(({ format, label, glyph, shortcut }) => (
            <ToolbarButton
              key={format}
              label={label}
              shortcut={shortcut}
              pressed={state.formats[format]}
              onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, format)}
            >
              {glyph}
            </ToolbarButton>
          ))}
        </ToolbarGroup>
        <ToolbarGroup label="Lists">
          <ToolbarButton
            label="Bulleted list"
            pressed={state.block === 'bullet'}
            onClick={() => toggleList(editor, state.block, 'bullet')}
          >
            <Icon name="bulletList" />
          </ToolbarButton>
          <ToolbarButton
            label="Numbered list"
            pressed={state.block === 'number'}
            onClick={() => toggleList(editor, state.block, 'number')}
          >
            <Icon name="numberList" />
          </ToolbarButton>
          <ToolbarButton
            label="Check list"
            pressed={state.block === 'check'}
            onClick={() => toggleList(editor, state.block, 'check')}
          >
            <Icon name="checkList" />
          </ToolbarButton>
        </ToolbarGroup>
        <ToolbarGroup label="Insert">
          <ToolbarButton
            label={state.link ? 'Remove link' : 'Insert link'}
            pressed={state.link}
            onClick={() => (state.link ? removeLink(editor) : setLinkSelection(captureSelection(editor)))}
          >
            <Icon name="link" />
          </ToolbarButton>
          {state.inTable ? (
            // Tables do not nest, so inside one its row and column tools take this place.
            TABLE_ACTIONS.map(({ action, label, icon }) => (
              <ToolbarButton key={action} label={label} onClick={() => runTableAction(editor, action)}>
                <Icon name={icon} />
              </ToolbarButton>
            ))
          ) : (
            <ToolbarButton label="Insert table" onClick={() => insertTable(editor)}>
              <Icon name="table" />
            </ToolbarButton>
          )}
          <ToolbarButton
            label="Insert protocol block"
            shortcut="/"
            pressed={blockSelection !== undefined}
            onClick={() => setBlockSelection(blockSelection === undefined ? captureSelection(editor) : undefined)}
          >
            <Icon name="protocol" />
          </ToolbarButton>
          <ToolbarButton
            label="Horizontal rule"
            onClick={() => editor.dispatchCommand(INSERT_HORIZONTAL_RULE_COMMAND, undefined)}
          >
            <Icon name="rule" />
          </ToolbarButton>
        </ToolbarGroup>
      </div>
      {blockSelection !== undefined && (
        <TemplatePicker
          onCancel={() => {
            setBlockSelection(undefined);
            editor.focus();
          }}
          onChoose={(template) => {
            const selection = blockSelection;
            setBlockSelection(undefined);
            editor.update(() => $setSelection(selection?.clone() ?? null));
            void insertTemplate(editor, template.id, template.version);
          }}
        />
      )}
      {linkFormOpen && (
        <LinkForm
          onCancel={closeLinkForm}
          onApply={(url) => {
            applyLink(editor, linkSelection, url);
            closeLinkForm();
          }}
        />
      )}
    </div>
  );
}
