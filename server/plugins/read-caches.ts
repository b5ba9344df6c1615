import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ReadCache } from '../read-caches/notice-cache';
import type { ReadCaches } from '../read-caches/start-read-caches';
import { writeMethods } from './request-path';

/**
 * A write of this instance has committed by the time its answer is sent: whatever it changed (a
 * removal, a logout, a tip liked) holds for the caller's next read here, before PostgreSQL's
 * notice arrives.
 */
async function readCaches(app: FastifyInstance, { caches }: { caches: ReadCaches }) {
  const all: ReadCache[] = Object.values(caches);
  app.addHook('onSend', async (request) => {
    if (writeMethods.has(request.method)) for (const cache of all) cache.forgetAll();
  });
}

export default fp(readCaches, { name: 'read-caches' });
