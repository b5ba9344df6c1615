import type { ErrorCode } from '../../src/domain/error-codes';

/** The SQLSTATE of a database error, looked for through Drizzle's wrapping (`cause`). */
export function sqlStateOf(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * The answer to a statement the database refused because of what was sent or of a concurrent write,
 * when no service caught it by name: two writers colliding on a unique key, a row deleted meanwhile,
 * a deadlock or serialisation failure (409: look again and retry), or a value the database cannot
 * hold (400). Null for anything else, which stays a 500. Each is rolled back, so nothing changed.
 */
export function databaseRefusal(error: unknown): { status: 400 | 409; code: ErrorCode } | null {
  const state = sqlStateOf(error);
  if (!state) return null;
  if (['23505', '23503', '23P01', '40001', '40P01'].includes(state))
    return { status: 409, code: 'WRITE_CONFLICT' };
  if (state.startsWith('22')) return { status: 400, code: 'VALIDATION_FAILED' };
  return null;
}
