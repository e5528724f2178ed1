import { type JSX, useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../shared/domain/types';
import { openSearchHit } from '../state/entry-actions';
import { Icon } from '../ui/icons';
import { SearchResultsPanel } from './SearchResultsPanel';
import { useSearch } from './use-search';

/** The search field in the top bar; results drop down below it. Ctrl+K focuses it. */
export function SearchBox(): JSX.Element {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  // Entries change while the panel is closed; focusing the field asks again.
  const [generation, setGeneration] = useState(0);
  const results = useSearch(query, generation);
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

  return (
    <div className="search" ref={root}>
      <Icon name="search" />
      <input
        ref={input}
        type="search"
        className="search-input"
        aria-label="Search entries"
        placeholder="Search all entries"
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
      {open && query.trim() !== '' && (
        <SearchResultsPanel results={results} onChoose={choose} onClose={() => setOpen(false)} />
      )}
    </div>
  );
}
