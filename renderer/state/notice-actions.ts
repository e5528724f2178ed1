import { messageOf } from '../api/api-error';
import { setState } from './store';

let nextId = 1;

/** Shows a message in the notice bar. Errors are announced to screen readers at once. */
export function showNotice(text: string, kind: 'info' | 'error' = 'info'): void {
  setState({ notice: { id: nextId++, text, kind } });
}

/** Shows what went wrong in words a scientist can act on; never a stack trace. */
export function showError(action: string, error: unknown): void {
  showNotice(`${action}: ${messageOf(error)}`, 'error');
}

export function dismissNotice(): void {
  setState({ notice: null });
}
