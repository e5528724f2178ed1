import { type JSX, useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../shared/domain/types';
import type { QueryHit } from '../../shared/templates/summaries';
import { openEntry, openSearchHit } from '../state/entry-actions';
import { getState } from '../state/store';
import { Icon } from '../ui/icons';
import { QueryResultsPanel } from './QueryResultsPanel';
import { SearchResultsPanel } from './SearchResultsPanel';
import { useSearch } from './use-search';
import { useStructuredQuery } from './use-structured-query';

/**
 * The search field in the top bar; results drop down below it. Ctrl+K focuses
 * it. "Structured" switches it to queries over protocol block values.
 */
export function SearchBox(): JSX.Element {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  // Entries change while the panel is closed; focusing the field asks again.
  const [generation, setGeneration] = useState(0);
  const [structured, setStructured] = useState(false);
  const results = useSearch(structured ? '' : query, generation);
  const queryResults = useStructuredQuery(query, generation, structured);
  const root = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        input.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (root.current && event.target instanceof Node && !root.current.contains(event.target)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, []);

  const choose = (hit: SearchHit) => {
    setOpen(false);
    void openSearchHit(hit);
  };

  const chooseBlock = (hit: QueryHit) => {
    setOpen(false);
    const notebook = getState().notebooks.find((n) => n.name === hit.notebookName);
    if (!notebook) return openEntry(hit.entryId);
    void openSearchHit({
      entryId: hit.entryId,
      notebookId: notebook.id,
      notebookName: hit.notebookName,
      title: hit.entryTitle,
      snippet: '',
      updatedAt: '',
    });
  };

  return (
    <div className="search" ref={root}>
      <Icon name="search" />
      <input
        ref={input}
        type="search"
        className="search-input"
        aria-label={structured ? 'Structured query' : 'Search entries'}
        placeholder={structured ? 'e.g. drug = cisplatin and concentration >= 10 uM' : 'Search all entries'}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onFocus={() => {
          setGeneration((g) => g + 1);
          setOpen(query.trim() !== '');
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            setOpen(false);
            if (!open) setQuery('');
          } else if (event.key === 'ArrowDown') {
            event.preventDefault();
            root.current?.querySelector<HTMLButtonElement>('.search-hit')?.focus();
          }
        }}
      />
      <button
        type="button"
        className="search-mode"
        aria-pressed={structured}
        title="Query protocol block values instead of the text"
        onClick={() => {
          setStructured((s) => !s);
          input.current?.focus();
        }}
      >
        Structured
      </button>
      {open && query.trim() !== '' && !structured && (
        <SearchResultsPanel results={results} onChoose={choose} onClose={() => setOpen(false)} />
      )}
      {open && query.trim() !== '' && structured && (
        <QueryResultsPanel results={queryResults} onChoose={chooseBlock} onClose={() => setOpen(false)} />
      )}
    </div>
  );
}
