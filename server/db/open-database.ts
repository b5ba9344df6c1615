import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { dumpPglite, pgliteFolderName } from './backup';
import { listenOnPglite, listenOnPostgres } from './change-listener';
import { lockDataDir } from './data-dir-lock';
import type { DatabaseHandle } from './database';
import {
  createPostgresPool,
  type DatabasePooler,
  type DatabaseTimeouts,
  defaultDatabaseTimeouts,
} from './postgres-pool';
import * as schema from './schema';

export const migrationsFolder = path.join(__dirname, 'migrations');

interface PgliteOptions {
  /** Folder holding the lock file and the `pglite` data folder; omit for an in-memory database. */
  dataDir?: string;
  /** A `dumpDataDir` archive to start from (tests start from one migrated template). */
  loadDataDir?: Blob;
}

export async function openPglite(options: PgliteOptions = {}): Promise<DatabaseHandle> {
  const releaseLock = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  try {
    const client = new PGlite({
      dataDir: options.dataDir ? path.join(options.dataDir, pgliteFolderName) : undefined,
      loadDataDir: options.loadDataDir,
    });
    await client.waitReady;
    const db = drizzlePglite(client, { schema });
    return {
      db,
      driver: 'pglite',
      migrate: () => migratePglite(db, { migrationsFolder }),
      backup: () => dumpPglite(client),
      listenForChanges: (channels, sink) => listenOnPglite(client, channels, sink),
      async close() {
        try {
          await client.close();
        } finally {
          releaseLock();
        }
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * Migrations run on a connection of their own, without the request timeouts: an index built on a
 * large table may rightly take minutes, and the client must not give up on it half-way.
 */
async function migratePostgres(connectionString: string, timeouts: DatabaseTimeouts): Promise<void> {
  const connection = new pg.Pool({ connectionString, max: 1, connectionTimeoutMillis: timeouts.connectMs });
  try {
    await migratePg(drizzlePg(connection, { schema }), { migrationsFolder });
  } finally {
    await connection.end();
  }
}

/** Connections per instance; several instances share PostgreSQL's through PgBouncer (README, Past one machine). */
export const defaultPoolSize = 10;

export interface PostgresOptions {
  poolSize?: number;
  timeouts?: DatabaseTimeouts;
  /** The connection string reaches PostgreSQL through a pooler in transaction mode (PgBouncer). */
  behindTransactionPooler?: boolean;
  /** A connection straight to PostgreSQL, past the pooler: migrations run there. Default: the connection string. */
  directUrl?: string;
}

export function openPostgres(
  connectionString: string,
  {
    poolSize = defaultPoolSize,
    timeouts = defaultDatabaseTimeouts,
    behindTransactionPooler = false,
    directUrl = connectionString,
  }: PostgresOptions = {},
): DatabaseHandle {
  const { db, pool } = createPostgresPool(connectionString, { poolSize, timeouts, behindTransactionPooler });
  return {
    db,
    driver: 'pg',
    migrate: () => migratePostgres(directUrl, timeouts),
    // LISTEN through a transaction pooler would hear nothing: without a direct URL, no read caches.
    listenForChanges:
      behindTransactionPooler && directUrl === connectionString
        ? undefined
        : (channels, sink) => listenOnPostgres(directUrl, channels, sink),
    poolUse: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => pool.end(),
  };
}

/**
 * PGlite runs inside this process: no connection to open or lose, and its WebAssembly build has no
 * timer to end a statement (`statement_timeout` is accepted and ignored), so the timeouts are PostgreSQL's.
 */
export async function openDatabase(config: {
  databaseUrl?: string;
  databasePooler: DatabasePooler;
  databaseDirectUrl?: string;
  dataDir: string;
  databaseTimeouts: DatabaseTimeouts;
}): Promise<DatabaseHandle> {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl, {
        timeouts: config.databaseTimeouts,
        behindTransactionPooler: config.databasePooler === 'transaction',
        directUrl: config.databaseDirectUrl,
      })
    : openPglite({ dataDir: config.dataDir });
}
