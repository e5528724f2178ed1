/** Stable error codes that cross the IPC boundary; messages are for people. */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_channel',
  'not_found',
  'conflict',
  'forbidden',
  'refused_database',
  /** An attachment over the size limit (shared/attachments/limits.ts). */
  'too_large',
  /** A file whose bytes are not a type Persist accepts (sniffed, never the declared type). */
  'unsupported_type',
  /** Stored bytes that no longer match their SHA-256: damaged on disk. */
  'corrupt',
  /** A service this host does not offer (PDF export where no PDF renderer is set up). */
  'unavailable',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error the core raises on purpose: its code and message reach the user. */
export class PersistError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'PersistError';
    this.code = code;
  }
}

export type IpcResult<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; message: string };
