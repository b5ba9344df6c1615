import type { Database } from './database';

/**
 * Databases reached through a pooler in transaction mode (PgBouncer): consecutive statements may
 * run on different server connections, so a statement prepared by name on one is unknown on the
 * next. Their statements go unnamed (parsed each time, still sent with their values apart).
 */
const behindTransactionPooler = new WeakSet<Database>();

export function markBehindTransactionPooler(db: Database): void {
  behindTransactionPooler.add(db);
}

/**
 * A hot query as a named prepared statement, built once per database handle: drizzle builds its SQL
 * once, and PostgreSQL parses and plans it once per connection instead of on every request.
 * Values go in as `sql.placeholder(...)`; the name must be unique across the app.
 */
export function preparedPerDatabase<Statement>(
  name: string,
  build: (db: Database, statementName: string) => Statement,
): (db: Database) => Statement {
  const built = new WeakMap<Database, Statement>();
  return (db) => {
    let statement = built.get(db);
    if (!statement) {
      statement = build(db, behindTransactionPooler.has(db) ? '' : name);
      built.set(db, statement);
    }
    return statement;
  };
}
