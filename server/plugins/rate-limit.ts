import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../app-error';
import { hitRateLimits, type RateLimitHit, type RateLimits } from '../modules/rate-limits/rate-limiter';
import { isApiRequest, reachedPath, writeMethods } from './request-path';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * WeChat's own calls, signed (the signature is checked before this limit): they come from a few
     * WeChat addresses, one per picture checked, and must not be turned away as one busy client.
     */
    signedByWechat?: boolean;
  }
}

async function enforce(request: FastifyRequest, reply: FastifyReply, hits: RateLimitHit[]) {
  const verdict = await hitRateLimits(request.server.db, hits, request.server.now());
  if (!verdict.allowed) {
    reply.header('retry-after', String(verdict.retryAfterSeconds));
    throw new AppError('RATE_LIMITED', 429);
  }
}

/**
 * Limits login attempts per address and writes per user and per address. Counted in the database,
 * so the limits hold across every server instance behind the load balancer. Requests are matched by
 * the route they reached, so no spelling of a path escapes its count.
 */
async function rateLimit(app: FastifyInstance, { limits }: { limits: RateLimits }) {
  app.addHook('onRequest', async (request, reply) => {
    if (request.method === 'POST' && reachedPath(request).startsWith('/api/auth/')) {
      await enforce(request, reply, [
        { bucket: `login:${request.ip}`, limitPerMinute: limits.loginPerAddress },
      ]);
    }
  });
  // preParsing: after the route's own onRequest hooks have identified the user, before the body is read.
  app.addHook('preParsing', async (request, reply) => {
    if (!writeMethods.has(request.method) || !isApiRequest(request)) return;
    if (request.routeOptions.config.signedByWechat) return;
    const hits = [{ bucket: `write-address:${request.ip}`, limitPerMinute: limits.writesPerAddress }];
    if (request.user)
      hits.push({ bucket: `write-user:${request.user.id}`, limitPerMinute: limits.writesPerUser });
    await enforce(request, reply, hits);
  });
}

export default fp(rateLimit, { name: 'rate-limit', dependencies: ['database'] });
