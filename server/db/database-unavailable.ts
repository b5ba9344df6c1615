const unreachableErrnos = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EPIPE',
]);

/**
 * PostgreSQL SQLSTATE classes 08 (connection), 53 (resources) and 57P (shutdown), and the timeouts
 * that end a wait for a stalled database: 57014 (statement timeout) and 25P03 (idle in transaction).
 * Retrying later may work.
 */
function isUnavailableSqlState(code: string): boolean {
  return (
    code.startsWith('08') ||
    code.startsWith('53') ||
    code.startsWith('57P') ||
    code === '57014' ||
    code === '25P03'
  );
}

// 55000 is a broad SQLSTATE; only its "closed for connections" case means the database is away. The
// timeouts are node-postgres's own: no answer to a query, no connection from the pool in time.
const unavailableMessages =
  /PGlite is closed|Connection terminated|pool after calling end|is not currently accepting connections|Query read timeout|timeout exceeded when trying to connect|not queryable/i;

/**
 * True when the database cannot be reached or is going away, rather than refusing one query.
 * Drizzle wraps driver errors, so the whole `cause` chain is inspected.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (unreachableErrnos.has(code) || isUnavailableSqlState(code))) return true;
    if (unavailableMessages.test(current.message)) return true;
    current = current.cause;
  }
  return false;
}
