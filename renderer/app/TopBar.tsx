import type { JSX } from 'react';
import { SearchBox } from '../search/SearchBox';

export function TopBar(): JSX.Element {
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Persist</span>
      </div>
      <SearchBox />
      <div className="topbar-end" />
    </header>
  );
}
