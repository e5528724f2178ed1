import type { JSX } from 'react';

/**
 * A small, consistent icon set drawn for Persist (24-unit grid, 1.75 stroke,
 * currentColor), so no icon font or remote asset is needed under the CSP.
 */
const paths = {
  bulletList: 'M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01',
  numberList: 'M10 6h10M10 12h10M10 18h10M4 5l1.5-1V9M3.5 14.5a1.5 1.5 0 0 1 3 .5L3.5 19h3',
  checkList: 'M3.5 6.5l1.5 1.5 3-3M3.5 15.5l1.5 1.5 3-3M12 7h8M12 16h8',
  quote: 'M5 17c3-1 4-3.5 4-7V7H5v4h4M15 17c3-1 4-3.5 4-7V7h-4v4h4',
  link: 'M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1',
  table: 'M4 5h16v14H4zM4 10h16M4 15h16M10 10v9M15 10v9',
  rowAdd: 'M4 5h16v8H4zM4 9h16M12 16v5M9.5 18.5h5',
  columnAdd: 'M4 4h8v16H4zM8 4v16M18.5 9.5v5M16 12h5',
  rowDelete: 'M4 5h16v8H4zM4 9h16M9.5 18.5h5',
  columnDelete: 'M4 4h8v16H4zM8 4v16M16 12h5',
  rule: 'M3 12h18M7 6.5h10M7 17.5h10',
  undo: 'M9 14L4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11',
  redo: 'M15 14l5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13',
  trash: 'M4 7h16M10 11v6M14 11v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3',
  restore: 'M3 12a9 9 0 1 0 3-6.7L3 8M3 3v5h5',
  plus: 'M12 5v14M5 12h14',
  search: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM20 20l-4-4',
  archive: 'M3 5h18v4H3zM5 9v10h14V9M10 13h4',
  unarchive: 'M3 5h18v4H3zM5 9v10h14V9M12 17v-5M9.5 14.5L12 12l2.5 2.5',
  pencil: 'M4 20h4L19 9l-4-4L4 16v4zM13.5 6.5l4 4',
  notebook: 'M6 3h12a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H6zM6 3v18M9.5 8h6M9.5 12h6',
  close: 'M6 6l12 12M18 6L6 18',
  check: 'M5 12l5 5 9-10',
  chevronDown: 'M6 9l6 6 6-6',
  chevronRight: 'M9 6l6 6-6 6',
  duplicate: 'M9 9h11v11H9zM5 15H4V4h11v1',
  warning: 'M12 3.5l9.5 16.5h-19zM12 10v4.5M12 17.5h.01',
  blocked: 'M8.2 3h7.6L21 8.2v7.6L15.8 21H8.2L3 15.8V8.2zM12 7.5v5.5M12 16.5h.01',
  protocol: 'M6 3h9l4 4v14H6zM15 3v4h4M9 12h7M9 16h7',
  arrowRight: 'M5 12h14M13 6l6 6-6 6',
  backlink: 'M9 15L4 10l5-5M4 10h10a6 6 0 0 1 0 12h-2',
  query: 'M4 6h16M7 12h10M10 18h4',
  /** A page with a downward arrow: export as PDF. */
  pdf: 'M14 3H6v18h12V7zM14 3v4h4M12 10v7M9 14l3 3 3-3',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, size = 16 }: { name: IconName; size?: number }): JSX.Element {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[name]} />
    </svg>
  );
}
