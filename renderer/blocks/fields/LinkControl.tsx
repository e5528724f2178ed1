import { type CSSProperties, type JSX, useEffect, useId, useRef, useState } from 'react';
import type { LinkValue } from '../../../shared/templates/block';
import type { LinkFieldDefinition } from '../../../shared/templates/definition';
import { useBlockContext, useFieldSetter } from '../view/block-context';
import type { ControlProps } from './control-props';
import { LinkChip } from './LinkChip';
import { newId } from '../node/ids';
import { useEvaluationEnv } from '../view/evaluation';
import { type LinkOption, linkValueFor, useLinkSearch } from './link-search';

function isLink(value: unknown): value is LinkValue {
  return typeof value === 'object' && value !== null && typeof (value as LinkValue).entryId === 'string';
}

function linksOf(value: unknown): LinkValue[] {
  if (Array.isArray(value)) return value.filter(isLink);
  return isLink(value) ? [value] : [];
}

/** A link field of the block. */
export function LinkControl(props: ControlProps<LinkFieldDefinition>): JSX.Element {
  const { readOnly } = useBlockContext();
  const set = useFieldSetter(props.field.id);
  return <LinkPicker {...props} readOnly={readOnly} onChange={set} />;
}

export interface LinkPickerProps {
  field: LinkFieldDefinition;
  value: unknown;
  controlId?: string;
  describedBy: string | undefined;
  severity: 'block' | 'warning' | undefined;
  readOnly: boolean;
  /** Receives a function from the stored value to the new one. */
  onChange: (update: (stored: unknown) => unknown) => void;
  /** For a table cell: its accessible name and position. */
  ariaLabel?: string;
  position?: string;
}

/**
 * A link to another entry or to a block of given templates, chosen by
 * searching as you type (arrow keys and Enter, or the mouse). The linked
 * block's named values are copied in as a snapshot, for computations here.
 */
export function LinkPicker(props: LinkPickerProps): JSX.Element {
  const { field, value, controlId, describedBy, severity, readOnly, onChange: set, ariaLabel, position } = props;
  const links = linksOf(value);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [changing, setChanging] = useState(false);
  const search = useLinkSearch(field, query, open);
  const input = useRef<HTMLInputElement>(null);
  const [place, setPlace] = useState<CSSProperties | undefined>(undefined);

  // The list is placed against the window, so a table's scroll box does not clip it;
  // scrolling the entry closes it rather than leave it floating in the wrong place.
  useEffect(() => {
    if (!open || !input.current) return;
    const rect = input.current.getBoundingClientRect();
    setPlace({ position: 'fixed', top: rect.bottom + 4, left: rect.left, width: Math.max(rect.width, 300) });
    const close = (event: Event) => {
      if (event.target instanceof Element && event.target.closest('.pb-combo-list')) return;
      setOpen(false);
    };
    window.addEventListener('scroll', close, true);
    window.addEventListener('resize', close);
    return () => {
      window.removeEventListener('scroll', close, true);
      window.removeEventListener('resize', close);
    };
  }, [open]);
  const listId = useId();
  const options = search.status === 'done' ? search.options : [];
  const showPicker = !readOnly && (field.multiple || links.length === 0 || changing);

  const env = useEvaluationEnv();
  const choose = (option: LinkOption) => {
    setQuery('');
    setOpen(false);
    setChanging(false);
    void linkValueFor(field, option, { ...env, newId }).then((link) =>
      set((stored: unknown) =>
        field.multiple ? [...linksOf(stored).filter((l) => !sameTarget(l, link)), link] : link,
      ),
    );
  };
  const remove = (link: LinkValue) =>
    set((stored: unknown) => {
      const rest = linksOf(stored).filter((l) => !sameTarget(l, link));
      return field.multiple ? (rest.length ? rest : undefined) : undefined;
    });

  return (
    <div className={`pb-link${position !== undefined ? ' pb-link-cell' : ''}`}>
      {links.length > 0 && (
        <ul className="pb-link-chips" aria-label={`${field.label}: linked`}>
          {links.map((link) => (
            <LinkChip
              key={`${link.entryId}/${link.blockId ?? ''}`}
              link={link}
              readOnly={readOnly}
              compact={position !== undefined}
              onChange={field.multiple || changing || position !== undefined ? undefined : () => setChanging(true)}
              onRemove={() => remove(link)}
            />
          ))}
        </ul>
      )}
      {showPicker && (
        <div className="pb-combo">
          <input
            ref={input}
            id={controlId}
            aria-label={ariaLabel}
            data-cell={position}
            className={`pb-input${severity ? ` pb-input-${severity}` : ''}`}
            type="text"
            role="combobox"
            aria-expanded={open}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={open && options[active] ? `${listId}-${active}` : undefined}
            aria-describedby={describedBy}
            aria-required={field.required ? true : undefined}
            autoComplete="off"
            autoFocus={changing}
            placeholder={field.target.kind === 'block' ? 'Search by name, id or entry…' : 'Search entries…'}
            value={query}
            maxLength={200}
            onFocus={() => setOpen(true)}
            onBlur={() => setTimeout(() => setOpen(false), 150)}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
              setOpen(true);
            }}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                event.preventDefault();
                event.stopPropagation();
                setOpen(true);
                const step = event.key === 'ArrowDown' ? 1 : -1;
                setActive((a) => Math.max(0, Math.min(options.length - 1, a + step)));
              } else if (event.key === 'Enter') {
                const option = options[active];
                if (open && option) {
                  event.preventDefault();
                  // Chosen here: the table must not also take Enter as "next row".
                  event.stopPropagation();
                  choose(option);
                }
              } else if (event.key === 'Escape') {
                setOpen(false);
                setChanging(false);
              }
            }}
          />
          {open && (
            <ul
              className="pb-combo-list"
              style={place}
              id={listId}
              role="listbox"
              aria-label={`${field.label} choices`}
            >
              {search.status === 'searching' && <li className="pb-combo-note">Searching…</li>}
              {search.status === 'error' && (
                <li className="pb-combo-note pb-combo-error">Could not search: {search.message}</li>
              )}
              {search.status === 'done' && options.length === 0 && (
                <li className="pb-combo-note">{query.trim() ? 'Nothing matches.' : 'Type to search.'}</li>
              )}
              {options.map((option, i) => (
                <li
                  key={option.key}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className="pb-combo-option"
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseEnter={() => setActive(i)}
                  onClick={() => choose(option)}
                >
                  <span className="pb-combo-title">{option.title}</span>
                  <span className="pb-combo-detail">{option.detail}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

function sameTarget(a: LinkValue, b: LinkValue): boolean {
  return a.entryId === b.entryId && (a.blockId ?? '') === (b.blockId ?? '');
}
