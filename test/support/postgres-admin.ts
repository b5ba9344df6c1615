import { sql } from 'drizzle-orm';
import type { Client } from 'pg';
import type { Database } from '../../server/db/database';
import { testDatabaseUrl } from './test-database';

/** The connection string of the PostgreSQL database a test app runs on, for a second connection of the test's own. */
export async function postgresUrlOf(db: Database): Promise<string> {
  const serverUrl = testDatabaseUrl();
  if (!serverUrl) throw new Error('postgresUrlOf needs TEST_DATABASE_URL (npm run test:pg)');
  const result = (await db.execute(sql`select current_database() as name`)) as unknown as {
    rows: Array<{ name: string }>;
  };
  const url = new URL(serverUrl);
  url.pathname = `/${result.rows[0]!.name}`;
  return url.toString();
}

/** Resolves once `count` other sessions of this database wait on a lock (a race set up to happen, not hoped for). */
export async function lockWaiters(client: Client, count: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Inside a transaction the activity view is a snapshot taken at first read: take a fresh one.
    await client.query('select pg_stat_clear_snapshot()');
    const { rows } = await client.query<{ waiting: number }>(
      `select count(*)::int as waiting from pg_stat_activity
       where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
    );
    if (rows[0]!.waiting >= count) return;
    if (Date.now() > deadline) throw new Error(`${rows[0]!.waiting} of ${count} sessions waiting on a lock`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
