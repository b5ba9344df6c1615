import type { Database } from './database';

/**
 * A hot query as a named prepared statement, built once per database handle: drizzle builds its SQL
 * once, and PostgreSQL parses and plans it once per connection instead of on every request.
 * Values go in as `sql.placeholder(...)`; the name must be unique across the app.
 */
export function preparedPerDatabase<Statement>(
  build: (db: Database) => Statement,
): (db: Database) => Statement {
  const built = new WeakMap<Database, Statement>();
  return (db) => {
    let statement = built.get(db);
    if (!statement) {
      statement = build(db);
      built.set(db, statement);
    }
    return statement;
  };
}
