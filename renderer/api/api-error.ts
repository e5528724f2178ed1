import type { ErrorCode } from '../../shared/ipc/errors';

/** A failed request, carrying the core's stable code and its human message. */
export class ApiError extends Error {
  readonly code: ErrorCode | 'no_bridge';

  constructor(code: ErrorCode | 'no_bridge', message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** What to show a person for any thrown value: the core's message, never a stack. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}

/** Errors that retrying the same request cannot fix. */
export function isPermanent(error: unknown): boolean {
  return error instanceof ApiError && ['invalid_input', 'not_found', 'conflict', 'forbidden'].includes(error.code);
}
