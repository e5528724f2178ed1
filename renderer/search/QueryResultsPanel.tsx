import type { JSX } from 'react';
import { onResultListKey } from './list-keys';
import type { QueryHit } from '../../shared/templates/summaries';
import { useTemplateList } from '../blocks/templates/use-template';
import type { QueryResults } from './use-structured-query';

interface Props {
  results: QueryResults;
  onChoose: (hit: QueryHit) => void;
  onClose: () => void;
}

const EXAMPLE = 'drug = cisplatin and concentration >= 10 uM in persister-induction';

/** Blocks whose values satisfy a structured query, each with the values that matched. */
export function QueryResultsPanel({ results, onChoose, onClose }: Props): JSX.Element {
  const list = useTemplateList();
  const nameOf = (id: string) => {
    const t = list.status === 'ready' ? list.templates.find((x) => x.id === id) : undefined;
    return t ? `${t.code ? `${t.code} ` : ''}${t.name}` : id;
  };
  return (
    <section className="search-panel" aria-label="Query results" onKeyDown={(event) => onResultListKey(event, onClose)}>
      {results.status === 'searching' && <p className="search-note">Running the query…</p>}
      {results.status === 'error' && (
        <div className="search-note search-note-error" role="alert">
          <p>This query could not be run: {results.message}</p>
          <p className="search-note-example">
            Queries look like <code>{EXAMPLE}</code>.
          </p>
        </div>
      )}
      {results.status === 'done' && results.hits.length === 0 && (
        <p className="search-note">No blocks match “{results.expr}”.</p>
      )}
      {results.status === 'done' && results.hits.length > 0 && (
        <ul className="search-hits" aria-label="Matching blocks">
          {results.hits.map((hit) => (
            <li key={`${hit.entryId}/${hit.blockId}`}>
              <button type="button" className="search-hit" onClick={() => onChoose(hit)}>
                <span className="search-hit-head">
                  <span className="search-hit-title">{hit.entryTitle}</span>
                  <span className="search-hit-meta">
                    {hit.notebookName} · {nameOf(hit.templateId)}
                  </span>
                </span>
                <span className="query-matches">
                  {hit.matched.map((m, i) => (
                    <span key={`${m.field}-${i}`} className="query-match">
                      {m.display}
                    </span>
                  ))}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
