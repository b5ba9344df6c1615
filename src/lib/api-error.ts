import { codeForStatus, type ErrorCode, isErrorCode, messageFor } from '@/domain/error-codes';

/** What every failed API call throws: the server's stable code, a Chinese message to show, and the HTTP status (0 when the network failed). */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields?: Record<string, string>;

  constructor(
    code: ErrorCode,
    options: { message?: string; status: number; fields?: Record<string, string> },
  ) {
    super(options.message || messageFor(code));
    this.name = 'ApiError';
    this.code = code;
    this.status = options.status;
    this.fields = options.fields;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Reads the server's `{ code, message }` body; an unknown shape falls back to a code that fits the status. */
export function apiErrorFromResponse(status: number, body: unknown): ApiError {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code: ErrorCode = isErrorCode(record.code) ? record.code : codeForStatus(status);
  const message = isErrorCode(record.code) && typeof record.message === 'string' ? record.message : undefined;
  const fields = isFieldMap(record.fields) ? record.fields : undefined;
  return new ApiError(code, { message, status, fields });
}

function isFieldMap(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string')
  );
}
