import { sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { isDatabaseUnavailable } from './database-unavailable';
import { markBehindTransactionPooler } from './prepared-statement';
import * as schema from './schema';

export interface DatabaseTimeouts {
  /** Opening a connection, and waiting for a free one of the pool. */
  connectMs: number;
  /** One statement (a lock wait included); an idle transaction is ended after twice this. */
  statementMs: number;
}

/** `transaction`: DATABASE_URL reaches PostgreSQL through a pooler in transaction mode (PgBouncer). */
export const databasePoolers = ['none', 'transaction'] as const;
export type DatabasePooler = (typeof databasePoolers)[number];

export const defaultDatabaseTimeouts: DatabaseTimeouts = { connectMs: 5_000, statementMs: 5_000 };

/**
 * A client that closes its connection when a query got no answer in time. node-postgres's
 * `query_timeout` only stops waiting: the connection stays busy with the lost query, and the
 * ROLLBACK queued behind it would wait as long again. Closed, the pool drops it and the next
 * request opens a fresh one.
 */
class ClientClosedWhenStalled extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; this only watches how it ends.
  override query(...args: any[]): any {
    const closeIfStalled = (error: unknown) => {
      if (error instanceof Error && error.message === 'Query read timeout') this.connection.stream.destroy();
    };
    const callback = args.at(-1);
    if (typeof callback === 'function') {
      args[args.length - 1] = (error: Error | null, result: unknown) => {
        closeIfStalled(error);
        callback(error, result);
      };
    }
    const result = (pg.Client.prototype.query as (...all: unknown[]) => unknown).apply(this, args);
    if (result instanceof Promise) result.catch(closeIfStalled);
    return result;
  }
}

type SchemaDatabase = NodePgDatabase<typeof schema>;

/**
 * A pool that cannot hang a request, behind PgBouncer in transaction mode too (which refuses
 * session settings as start-up parameters):
 * - the client gives up on connecting, on waiting for a free connection and on a query with no
 *   answer (a stalled network or database): the request answers 503;
 * - every transaction sets its own `statement_timeout` and `idle_in_transaction_session_timeout`
 *   with `SET LOCAL` (gone at its end, so nothing leaks to another client of the pooler), so
 *   PostgreSQL itself ends a lock wait or a forgotten transaction and frees its locks.
 * Statements outside a transaction rely on the client's timeout; to bound them on the server as
 * well, set the same on the role (`ALTER ROLE ... SET statement_timeout`, see the README).
 */
export function createPostgresPool(
  connectionString: string,
  {
    poolSize,
    timeouts,
    behindTransactionPooler,
  }: { poolSize: number; timeouts: DatabaseTimeouts; behindTransactionPooler: boolean },
) {
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    Client: ClientClosedWhenStalled,
    connectionTimeoutMillis: timeouts.connectMs,
    // A little over the server's limit, so PostgreSQL's own (clearer) timeout normally answers first.
    query_timeout: timeouts.statementMs + 1_000,
  });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => {});

  const db: SchemaDatabase = drizzle(pool, { schema });
  if (behindTransactionPooler) markBehindTransactionPooler(db);
  // One drizzle session per pooled connection (pg reuses the client objects), made once.
  const sessions = new WeakMap<pg.PoolClient, SchemaDatabase>();
  const sessionOn = (client: pg.PoolClient) => {
    let session = sessions.get(client);
    if (!session) {
      session = drizzle(client, { schema });
      if (behindTransactionPooler) markBehindTransactionPooler(session);
      sessions.set(client, session);
    }
    return session;
  };
  const limits = sql`select set_config('statement_timeout', ${String(timeouts.statementMs)}, true),
    set_config('idle_in_transaction_session_timeout', ${String(2 * timeouts.statementMs)}, true)`;

  // Drizzle's own pool transaction never releases a client whose BEGIN failed, and releases one
  // whose connection broke as if it were healthy: here the client is always released, and
  // destroyed when the database was unreachable.
  const transaction: SchemaDatabase['transaction'] = async (work, config) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      return await sessionOn(client).transaction(async (tx) => {
        await tx.execute(limits);
        return work(tx);
      }, config);
    } catch (error) {
      if (isDatabaseUnavailable(error)) broken = error as Error;
      throw error;
    } finally {
      client.release(broken);
    }
  };
  Object.assign(db, { transaction });

  return { db, pool };
}
