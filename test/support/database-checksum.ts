import { sql } from 'drizzle-orm';
import type { Database } from '../../server/db/database';

// Housekeeping, not changes the caller made: using an expired token deletes it, and every write
// request counts against the rate limits.
const ignoredTables = new Set(['auth_sessions', 'rate_limit_hits', '__drizzle_migrations']);

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  // Both drivers answer `{ rows }`; the common database type does not say so.
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

const checksumQueries = new WeakMap<Database, ReturnType<typeof sql>>();

/** One query digesting every row of every table, built once per database (tests do not change the schema). */
async function checksumQuery(db: Database) {
  const cached = checksumQueries.get(db);
  if (cached) return cached;
  const tables = await rows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const parts = tables
    .map((row) => row.table_name)
    .filter((table) => !ignoredTables.has(table))
    .map(
      (table) =>
        sql`select ${table}::text as table_name, (select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from ${sql.identifier(table)} t) as digest`,
    );
  const query = sql.join(parts, sql` union all `);
  checksumQueries.set(db, query);
  return query;
}

/** One digest per table of every row's text: compared before and after a refused request. */
export async function databaseChecksum(db: Database): Promise<Record<string, string>> {
  const digests = await rows<{ table_name: string; digest: string }>(db, await checksumQuery(db));
  return Object.fromEntries(digests.map((row) => [row.table_name, row.digest]));
}

/** The checksum without some tables: those a refusal changes on purpose (a wrong check-in code is counted). */
export function checksumWithout(checksum: Record<string, string>, tables: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(checksum).filter(([table]) => !tables.includes(table)));
}
