import type { Id } from '../../shared/domain/types';

/** The editor session of the open entry, as far as actions outside the editor need it. */
export interface OpenSession {
  entryId: Id;
  /** Sends any pending edits now; resolves when they are stored (or have failed). */
  flush: () => Promise<void>;
  /** The draft version this window last stored or loaded. */
  knownVersion: () => number;
  hasUnsaved: () => boolean;
}

let current: OpenSession | null = null;

export function registerOpenSession(session: OpenSession): () => void {
  current = session;
  return () => {
    if (current === session) current = null;
  };
}

/** Before trashing or moving the open entry, its last keystrokes must be stored. */
export async function flushOpenSession(entryId?: Id): Promise<void> {
  if (current && (entryId === undefined || current.entryId === entryId)) await current.flush();
}

export function getOpenSession(): OpenSession | null {
  return current;
}
