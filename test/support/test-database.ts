import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { Client } from 'pg';
import type { DatabaseHandle } from '../../server/db/database';
import { openPglite, openPostgres } from '../../server/db/open-database';
import { ensurePgliteTemplate, templateEnvVar } from './pglite-template';

/** Set by jest.pg.config.js: the same suites then run on real PostgreSQL. */
export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
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

/** A fresh, migrated database of its own on the PostgreSQL server, dropped on close. */
async function openFreshPostgres(serverUrl: string): Promise<DatabaseHandle> {
  const database = await createFreshPostgresDatabase(serverUrl);
  const handle = openPostgres(database.url, { timeouts: testDatabaseTimeouts });
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
