import type { JSX, ReactNode } from 'react';

interface Props {
  label: string;
  /** Shown in the tooltip, e.g. "Ctrl+B". */
  shortcut?: string;
  /** Present for toggles: whether the format or block is active here. */
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}

/**
 * A toolbar button that leaves the caret in the editor: mouse-down is
 * cancelled so the click does not move focus out of the text.
 */
export function ToolbarButton({ label, shortcut, pressed, disabled, onClick, children }: Props): JSX.Element {
  return (
    <button
      type="button"
      className="tb-button"
      aria-label={label}
      aria-pressed={pressed}
      title={shortcut ? `${label} (${shortcut})` : label}
      disabled={disabled}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

export function ToolbarGroup({ label, children }: { label: string; children: ReactNode }): JSX.Element {
  return (
    <div className="tb-group" role="group" aria-label={label}>
      {children}
    </div>
  );
}
