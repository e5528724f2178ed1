import type { JSX } from 'react';
import { onResultListKey } from './list-keys';
import type { SearchHit } from '../../shared/domain/types';
import { shortTime } from '../lib/time';
import type { SearchResults } from './use-search';
import { Snippet } from './Snippet';

interface Props {
  results: SearchResults;
  onChoose: (hit: SearchHit) => void;
  onClose: () => void;
}

export function SearchResultsPanel({ results, onChoose, onClose }: Props): JSX.Element {
  return (
    <section
      className="search-panel"
      aria-label="Search results"
      onKeyDown={(event) => onResultListKey(event, onClose)}
    >
      {results.status === 'searching' && <p className="search-note">Searching…</p>}
      {results.status === 'error' && (
        <p className="search-note search-note-error" role="alert">
          Search failed: {results.message}
        </p>
      )}
      {results.status === 'done' && results.hits.length === 0 && (
        <p className="search-note">No entries match “{results.query}”.</p>
      )}
      {results.status === 'done' && results.hits.length > 0 && (
        <ul className="search-hits">
          {results.hits.map((hit) => (
            <li key={hit.entryId}>
              <button type="button" className="search-hit" onClick={() => onChoose(hit)}>
                <span className="search-hit-head">
                  <span className="search-hit-title">{hit.title}</span>
                  <span className="search-hit-meta">
                    {hit.notebookName} · {shortTime(hit.updatedAt)}
                  </span>
                </span>
                <Snippet text={hit.snippet} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
