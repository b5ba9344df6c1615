import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { isApiRequest } from './request-path';

// The API answers JSON and images only: nothing in it may run, frame or be sniffed as something else.
const apiPolicy = "default-src 'none'; frame-ancestors 'none'";
// The H5 app: Taro injects one inline script (rem sizing) and inline styles, its WeUI icon font is a
// data: URL in its stylesheet, and its uploadFile reads the chosen picture from a blob: URL.
// Everything else is ours.
const appPolicy =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' blob:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

async function securityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('content-security-policy', isApiRequest(request) ? apiPolicy : appPolicy);
  });
}

export default fp(securityHeaders, { name: 'security-headers' });
