import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Database } from '../db/database';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
  }
}

/** The app does not own the connection: whoever opened it (server.ts, a test) closes it. */
async function database(app: FastifyInstance, options: { db: Database }) {
  app.decorate('db', options.db);
}

export default fp(database, { name: 'database' });
