import { count, sql } from 'drizzle-orm';
import type { Database } from '../../server/db/database';
import { authSessions, communities, memberships, users } from '../../server/db/schema';

/** Compared before and after a refused request: refused means nothing changed. */
export async function rowCounts(db: Database) {
  const total = async (table: typeof users | typeof communities | typeof memberships | typeof authSessions) =>
    (await db.select({ n: count() }).from(table))[0]!.n;
  return {
    users: await total(users),
    sessions: await total(authSessions),
    communities: await total(communities),
    memberships: await total(memberships),
  };
}

/** Rows in every table of the database (none left out): what a restored backup must give back. */
export async function everyTableRowCount(db: Database): Promise<Record<string, number>> {
  const tables = (await db.execute(
    sql`select table_schema || '.' || table_name as name from information_schema.tables
        where table_schema in ('public', 'drizzle') and table_type = 'BASE TABLE' order by 1`,
  )) as unknown as { rows: Array<{ name: string }> };
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const [schema, table] = name.split('.') as [string, string];
    const result = (await db.execute(
      sql`select count(*)::int as n from ${sql.identifier(schema)}.${sql.identifier(table)}`,
    )) as unknown as { rows: Array<{ n: number }> };
    counts[name] = result.rows[0]!.n;
  }
  return counts;
}
