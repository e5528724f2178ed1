/** Stable error codes that cross the IPC boundary; messages are for people. */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_channel',
  'not_found',
  'conflict',
  'forbidden',
  'refused_database',
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
