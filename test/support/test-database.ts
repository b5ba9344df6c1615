import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { Client } from 'pg';
import type { DatabaseHandle } from '../../server/db/database';
import { openPglite, openPostgres, type PostgresOptions } from '../../server/db/open-database';
import { ensurePgliteTemplate, templateEnvVar } from './pglite-template';

/** Set by jest.pg.config.js: the same suites then run on real PostgreSQL. */
export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

/**
 * Set by `npm run test:pooler`: PgBouncer in transaction mode in front of that server. The apps
 * under test then reach their databases through it, as instances behind a pooler do; the tests'
 * own set-up (creating, migrating, dropping databases) goes straight to PostgreSQL.
 */
export function testPoolerUrl(): string | undefined {
  return process.env.TEST_DATABASE_POOLER_URL || undefined;
}

/** The connection string of a test database as an app instance uses it: through the pooler when the run has one. */
export function instanceUrl(databaseUrl: string): string {
  const poolerUrl = testPoolerUrl();
  if (!poolerUrl) return databaseUrl;
  const url = new URL(poolerUrl);
  url.pathname = new URL(databaseUrl).pathname;
  return url.toString();
}

/** The environment of a server process on a test database: through the pooler when the run has one. */
export function instanceEnv(databaseUrl: string): Record<string, string> {
  return testPoolerUrl()
    ? {
        DATABASE_URL: instanceUrl(databaseUrl),
        DATABASE_POOLER: 'transaction',
        DATABASE_DIRECT_URL: databaseUrl,
      }
    : { DATABASE_URL: databaseUrl };
}

/** A database handle as a server instance opens it (through the pooler when the run has one); migrations go direct. */
export function openInstance(databaseUrl: string, options: PostgresOptions = {}): DatabaseHandle {
  return openPostgres(instanceUrl(databaseUrl), {
    behindTransactionPooler: testPoolerUrl() !== undefined,
    directUrl: databaseUrl,
    ...options,
  });
}

async function adminQuery(serverUrl: string, query: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

export interface FreshPostgresDatabase {
  /** Connection string of the new, empty database. */
  url: string;
  drop(): Promise<void>;
}

/** An empty database of its own on the PostgreSQL server (for tests that open several pools or processes). */
export async function createFreshPostgresDatabase(serverUrl: string): Promise<FreshPostgresDatabase> {
  const name = `qy_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`),
  };
}

/**
 * The request timeouts of production (5 s) are for a database that stalls; tests seed 100,000 rows
 * in one statement on a shared, busy machine. The stall test sets its own short ones.
 */
export const testDatabaseTimeouts = { connectMs: 30_000, statementMs: 60_000 };

export interface TwoInstances {
  first: DatabaseHandle;
  second: DatabaseHandle;
  /** Closes both and drops the database. */
  close(): Promise<void>;
}

/**
 * Two server instances on one fresh, migrated database (each its own pool, as two processes
 * behind a load balancer have), both connected before the test races them.
 */
export async function openTwoInstances(serverUrl: string): Promise<TwoInstances> {
  const database = await createFreshPostgresDatabase(serverUrl);
  const first = openInstance(database.url);
  const second = openInstance(database.url);
  const close = async () => {
    await first.close();
    await second.close();
    await database.drop();
  };
  try {
    await first.migrate();
    await Promise.all([first.db.execute(sql`select 1`), second.db.execute(sql`select 1`)]);
  } catch (error) {
    await close();
    throw error;
  }
  return { first, second, close };
}

/** A fresh, migrated database of its own on the PostgreSQL server, dropped on close. */
async function openFreshPostgres(serverUrl: string): Promise<DatabaseHandle> {
  const database = await createFreshPostgresDatabase(serverUrl);
  const handle = openInstance(database.url, { timeouts: testDatabaseTimeouts });
  const dropDatabase = database.drop;
  try {
    await handle.migrate();
  } catch (error) {
    await handle.close();
    await dropDatabase();
    throw error;
  }
  return {
    ...handle,
    async close() {
      await handle.close();
      await dropDatabase();
    },
  };
}

/** PGlite in memory, started from the migrated template of global-setup. */
async function openPgliteFromTemplate(): Promise<DatabaseHandle> {
  const templatePath = process.env[templateEnvVar] ?? (await ensurePgliteTemplate());
  return openPglite({ loadDataDir: new Blob([fs.readFileSync(templatePath)]) });
}

export async function openTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = testDatabaseUrl();
  return serverUrl ? openFreshPostgres(serverUrl) : openPgliteFromTemplate();
}
