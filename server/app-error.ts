import { type ErrorCode, messageFor } from '../src/domain/error-codes';

/** A refusal the client can act on: a stable code, its Chinese message, an HTTP status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly statusCode: number,
    readonly fields?: Record<string, string>,
    /** A message naming what the refusal is about (the communities one owns), instead of the code's own. */
    message?: string,
  ) {
    super(message ?? messageFor(code));
    this.name = 'AppError';
  }
}
