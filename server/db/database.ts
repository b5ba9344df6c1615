import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { ListenForChanges } from './change-listener';
import type * as schema from './schema';

type Schema = typeof schema;

/**
 * The common base of the PGlite and node-postgres databases, and of their transactions:
 * repositories take this, so they run on either driver and inside or outside a transaction.
 */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type Driver = 'pglite' | 'pg';

/** How the connections of a PostgreSQL pool are used right now (`waiting`: requests queued for one). */
export interface PoolUse {
  total: number;
  idle: number;
  waiting: number;
}

export interface DatabaseHandle {
  db: Database;
  driver: Driver;
  /** Applies the migrations folder with the driver's own migrator. */
  migrate(): Promise<void>;
  /** PGlite only: a consistent gzip tar of the database (PostgreSQL is backed up with pg_dump). */
  backup?(): Promise<Buffer>;
  /**
   * Listens to PostgreSQL's notices (the read caches, `server/read-caches/`): on PGlite in this
   * process, on PostgreSQL over a connection straight to it; undefined behind a transaction pooler
   * without a direct URL, where LISTEN would hear nothing.
   */
  listenForChanges?: ListenForChanges;
  /** PostgreSQL only (PGlite has no pool): read at each metrics scrape. */
  poolUse?(): PoolUse;
  close(): Promise<void>;
}
