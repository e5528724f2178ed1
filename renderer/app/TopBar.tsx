import type { JSX } from 'react';
import { ExportHost } from '../export/ExportHost';
import { SearchBox } from '../search/SearchBox';
import { SyncButton } from '../sync/SyncButton';

export function TopBar(): JSX.Element {
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Persist</span>
      </div>
      <SearchBox />
      <div className="topbar-end">
        <ExportHost />
        <SyncButton />
      </div>
    </header>
  );
}
