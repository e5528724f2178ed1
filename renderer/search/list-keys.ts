import type { KeyboardEvent } from 'react';

/** In a results panel: arrow keys move between the hits; Escape closes the panel. */
export function onResultListKey(event: KeyboardEvent<HTMLElement>, onClose: () => void): void {
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('.search-hit')];
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    buttons[index + (event.key === 'ArrowDown' ? 1 : -1)]?.focus();
  } else if (event.key === 'Escape') {
    onClose();
  }
}
