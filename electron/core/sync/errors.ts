/**
 * Why a sync stopped, in the four words the sync panel shows, plus 'refused'
 * for the fail-safe (the share looks emptied or belongs to another target).
 */
export type SyncFailureKind = 'not-mounted' | 'read-only' | 'full' | 'refused' | 'other';

export class SyncError extends Error {
  constructor(
    readonly kind: SyncFailureKind,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM']);
const FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
/** Errors a network share or a busy disk gives for a moment: worth another try. */
const TRANSIENT = new Set(['EAGAIN', 'EBUSY', 'EINTR', 'EIO', 'ETIMEDOUT', 'ESTALE', 'ECONNRESET', 'EMFILE', 'ENFILE']);

export function errnoOf(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isTransient(error: unknown): boolean {
  return TRANSIENT.has(errnoOf(error) ?? '');
}

/**
 * Turns a file error into a SyncError a person can act on. `markerPresent`
 * tells a vanished share (ENOENT because the mount went away) from a file
 * missing for another reason.
 */
export function classifyFileError(error: unknown, location: string, markerPresent: boolean): SyncError {
  if (error instanceof SyncError) return error;
  const code = errnoOf(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (!markerPresent) {
    return new SyncError(
      'not-mounted',
      `The shared folder ${location} is not reachable (not mounted or removed). Nothing more was written; the sync resumes when it is back.`,
      error,
    );
  }
  if (code && READ_ONLY.has(code)) {
    return new SyncError(
      'read-only',
      `The shared folder ${location} cannot be written to (${code}): it is read-only or access was denied.`,
      error,
    );
  }
  if (code && FULL.has(code)) {
    return new SyncError(
      'full',
      `The shared folder ${location} is full (${code}). Free some space; the sync resumes where it stopped.`,
      error,
    );
  }
  return new SyncError('other', `Writing to ${location} failed: ${detail}`, error);
}
