import type { WebContents } from 'electron';
import { events, type EventName, type EventPayload } from '../../shared/ipc/contract';

/**
 * Pushes a contract event to a window. The payload is checked against the
 * event's schema first, so the renderer only ever receives the declared
 * shape; a window that is already closed is skipped. Returns whether it sent.
 */
export function sendEvent<E extends EventName>(
  contents: Pick<WebContents, 'send' | 'isDestroyed'> | null | undefined,
  event: E,
  payload: EventPayload<E>,
): boolean {
  if (!contents || contents.isDestroyed()) return false;
  const parsed = events[event].safeParse(payload);
  if (!parsed.success) throw new Error(`Refusing to send a malformed ${event} event: ${parsed.error.message}`);
  contents.send(event, parsed.data);
  return true;
}
