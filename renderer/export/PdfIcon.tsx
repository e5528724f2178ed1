import type { JSX } from 'react';

/** A page with a downward arrow, drawn like the icons in ui/icons.tsx (24-unit grid, 1.75 stroke). */
export function PdfIcon({ size = 16 }: { size?: number }): JSX.Element {
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
      <path d="M14 3H6v18h12V7zM14 3v4h4M12 10v7M9 14l3 3 3-3" />
    </svg>
  );
}
