import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isDatabaseUnavailable } from '../db/database-unavailable';
import { writeMethods } from './request-path';
import { Turns } from './turns';

declare module 'fastify' {
  interface FastifyRequest {
    leaveWriteAdmission: (() => void) | null;
  }
}

const key = 'writes';

/**
 * Writes are let in a few at a time per instance while they are identified and counted: those
 * steps take a pool connection each (the login session, the rate limits, one row per address), and
 * a burst of 500 sign-ups doing them at once queued every other route behind it (GET /api/me waited
 * a second during the burst). Reads are never held here, so they always find free connections.
 * Once admitted, a write leaves the line before its body is validated and its handler runs (hot
 * rows have their own turns).
 */
async function writeAdmission(
  app: FastifyInstance,
  { atOnce, waitLimitMs }: { atOnce: number; waitLimitMs: number },
) {
  const turns = new Turns({ perKey: atOnce, waitLimitMs });
  app.decorateRequest('leaveWriteAdmission', null);
  // Registered before the rate limits and authentication, whose database work it admits.
  app.addHook('onRequest', async (request) => {
    if (writeMethods.has(request.method)) request.leaveWriteAdmission = await turns.enter(key);
  });
  const leave = async (request: FastifyRequest) => request.leaveWriteAdmission?.();
  // preValidation follows every onRequest and preParsing hook: authentication and the rate limits are done.
  app.addHook('preValidation', leave);
  app.addHook('onError', async (request, _reply, error) => {
    if (request.leaveWriteAdmission && isDatabaseUnavailable(error)) turns.refuseWaiting(key);
  });
  app.addHook('onResponse', leave);
  app.addHook('onRequestAbort', leave);
}

export default fp(writeAdmission, { name: 'write-admission' });
