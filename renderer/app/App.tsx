import { type JSX, useEffect } from 'react';
import { EntryListPane } from '../entries/EntryListPane';
import { EntryPane } from '../entry/EntryPane';
import { Sidebar } from '../sidebar/Sidebar';
import { bootstrap } from '../state/bootstrap';
import { useAppStore } from '../state/store';
import { useEntryEvents } from './use-entry-events';
import { NoticeBar } from './NoticeBar';
import { TopBar } from './TopBar';

export function App(): JSX.Element {
  const ready = useAppStore((s) => s.ready);
  const fatal = useAppStore((s) => s.fatal);

  useEffect(() => void bootstrap(), []);
  useEntryEvents();

  if (fatal) {
    return (
      <div className="fatal" role="alert">
        <h1>Persist could not start</h1>
        <p>{fatal}</p>
      </div>
    );
  }

  return (
    <div className="app" aria-busy={!ready}>
      <TopBar />
      <NoticeBar />
      <div className="columns">
        <Sidebar />
        <EntryListPane />
        <EntryPane />
      </div>
    </div>
  );
}
