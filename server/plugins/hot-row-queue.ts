import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isDatabaseUnavailable } from '../db/database-unavailable';
import { Turns } from './turns';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The row a write locks (`session:<id>`): requests on the same row wait their turn here, holding
     * no pool connection, instead of each holding one while it waits for the row lock.
     */
    hotRow?: (request: FastifyRequest) => string;
  }
  interface FastifyRequest {
    hotRowTurn: { key: string; leave: () => void } | null;
  }
}

/** A few per row: one holds the lock, the next ones are ready the moment it is free. */
const turnsPerRow = 3;

/**
 * Per-instance turns on hot rows. A burst of 500 sign-ups for one session all queue on its row
 * lock anyway; letting each hold a pool connection while it waits starves every other route of
 * the pool. Here they wait in memory, and other routes keep the rest of the pool. Not shared
 * state: each instance only limits its own connections.
 */
async function hotRowQueue(app: FastifyInstance, { waitLimitMs }: { waitLimitMs: number }) {
  const turns = new Turns({ perKey: turnsPerRow, waitLimitMs });
  app.decorateRequest('hotRowTurn', null);
  // After authentication and the rate limits (registered earlier), right before the handler.
  app.addHook('preHandler', async (request) => {
    const key = request.routeOptions.config.hotRow?.(request);
    if (!key) return;
    request.hotRowTurn = { key, leave: await turns.enter(key) };
  });
  app.addHook('onError', async (request, _reply, error) => {
    if (request.hotRowTurn && isDatabaseUnavailable(error)) turns.refuseWaiting(request.hotRowTurn.key);
  });
  // The transaction is over once the answer is ready: the next request need not wait for it to be written.
  app.addHook('onSend', async (request) => request.hotRowTurn?.leave());
  const leave = async (request: FastifyRequest) => request.hotRowTurn?.leave();
  app.addHook('onResponse', leave);
  app.addHook('onRequestAbort', leave);
}

export default fp(hotRowQueue, { name: 'hot-row-queue' });
