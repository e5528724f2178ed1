import type { JSX } from 'react';
import type { Entry } from '../../shared/domain/types';
import { fullTime } from '../lib/time';
import { useAppStore } from '../state/store';

/** Provenance under the title: where the entry lives, who started it, when. */
export function EntryMeta({ entry }: { entry: Entry }): JSX.Element {
  const notebook = useAppStore((s) => s.notebooks.find((n) => n.id === entry.notebookId)?.name);
  return (
    <p className="entry-meta">
      {notebook && <span>{notebook}</span>}
      <span>
        Created {fullTime(entry.createdAt)} by {entry.author}
      </span>
    </p>
  );
}
