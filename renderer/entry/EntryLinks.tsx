import type { JSX } from 'react';
import type { Id } from '../../shared/domain/types';
import type { Backlink } from '../../shared/templates/summaries';
import { useTemplateList } from '../blocks/templates/use-template';
import { openEntry } from '../state/entry-actions';
import { Icon } from '../ui/icons';
import { LineageView } from './LineageView';
import { useEntryLinks } from './use-entry-links';

function BacklinkList({ backlinks, names }: { backlinks: Backlink[]; names: Map<string, string> }): JSX.Element {
  return (
    <section className="entry-links-section" aria-labelledby="linked-from-title">
      <h2 className="entry-links-title" id="linked-from-title">
        <Icon name="backlink" size={15} />
        Linked from
      </h2>
      <ul className="backlinks" aria-label="Linked from">
        {backlinks.map((b) => (
          <li key={`${b.fromBlockId}/${b.fieldId}/${b.toBlockId ?? ''}`}>
            <button type="button" className="backlink" onClick={() => openEntry(b.fromEntryId)}>
              <span className="backlink-title">{b.fromEntryTitle}</span>
              <span className="backlink-detail">
                {names.get(b.fromTemplateId) ?? b.fromTemplateId} · {b.fieldId.replace(/_/g, ' ')}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Below the entry text: the entries that link here, and the lineage this entry's samples belong to. */
export function EntryLinks({ entryId }: { entryId: Id }): JSX.Element | null {
  const load = useEntryLinks(entryId);
  const list = useTemplateList();
  if (load.status === 'loading') return null;
  if (load.status === 'error') {
    return (
      <footer className="entry-links">
        <p className="entry-links-error">Links and lineage could not be loaded: {load.message}</p>
      </footer>
    );
  }
  const names = new Map(
    list.status === 'ready' ? list.templates.map((t) => [t.id, `${t.code ? `${t.code} ` : ''}${t.name}`]) : [],
  );
  const showLineage = load.lineage.length > 1;
  if (!showLineage && load.backlinks.length === 0) return null;
  return (
    <footer className="entry-links">
      {showLineage && <LineageView nodes={load.lineage} entryId={entryId} />}
      {load.backlinks.length > 0 && <BacklinkList backlinks={load.backlinks} names={names} />}
    </footer>
  );
}
