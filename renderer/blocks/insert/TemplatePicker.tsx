import { type JSX, useEffect, useId, useRef, useState } from 'react';
import type { TemplateSummary } from '../../../shared/templates/summaries';
import { searchTemplates } from '../templates/template-search';
import { useTemplateList } from '../templates/use-template';
import { TemplateOptionView } from './TemplateOptionView';

interface Props {
  onChoose: (template: TemplateSummary) => void;
  onCancel: () => void;
}

/** The toolbar's "Insert protocol block": search the templates, arrows and Enter to choose, Escape to close. */
export function TemplatePicker({ onChoose, onCancel }: Props): JSX.Element {
  const list = useTemplateList();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const templates = list.status === 'ready' ? searchTemplates(list.templates, query) : [];

  useEffect(() => input.current?.focus(), []);

  return (
    <div
      className="tpl-picker"
      role="dialog"
      aria-label="Insert protocol block"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <input
        ref={input}
        className="link-form-input tpl-picker-input"
        type="search"
        role="combobox"
        aria-label="Search templates"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={templates[active] ? `${listId}-${active}` : undefined}
        placeholder="Search templates: T4, persister, IC50…"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const step = event.key === 'ArrowDown' ? 1 : -1;
            setActive((a) => Math.max(0, Math.min(templates.length - 1, a + step)));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            const chosen = templates[active];
            if (chosen) onChoose(chosen);
          }
        }}
      />
      <button type="button" className="button button-small" onClick={onCancel}>
        Cancel
      </button>
      {list.status === 'error' && (
        <p className="link-form-error" role="alert">
          Templates could not be loaded: {list.message}
        </p>
      )}
      {list.status === 'ready' && templates.length === 0 && <p className="tpl-picker-note">No template matches.</p>}
      <ul className="tpl-picker-list" id={listId} role="listbox" aria-label="Templates">
        {templates.map((t, i) => (
          <li
            key={`${t.id}@${t.version}`}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={`tpl-option${i === active ? ' tpl-option-active' : ''}`}
            onMouseEnter={() => setActive(i)}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onChoose(t)}
          >
            <TemplateOptionView template={t} />
          </li>
        ))}
      </ul>
    </div>
  );
}
