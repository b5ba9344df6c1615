import type { FastifyInstance, onRequestHookHandler, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers without a session (health, login, public images): no authenticate, no security. */
    public?: boolean;
  }
}

const bearerAuth = [{ bearerAuth: [] }];

function hooksOf(hooks: RouteOptions['onRequest']): onRequestHookHandler[] {
  if (!hooks) return [];
  return (Array.isArray(hooks) ? hooks : [hooks]) as onRequestHookHandler[];
}

/**
 * Every API route needs a signed-in caller unless it says `config: { public: true }`: the
 * authenticate hook runs first, and the OpenAPI document declares the bearer token. Registered once,
 * around the API's route plugins, so no route file repeats it.
 */
async function signedInByDefault(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    if (route.config?.public) return;
    const hooks = hooksOf(route.onRequest);
    // Fastify calls this again for the HEAD twin of a GET, with the options already extended.
    if (!hooks.includes(app.authenticate)) route.onRequest = [app.authenticate, ...hooks];
    route.schema = { ...route.schema, security: bearerAuth };
  });
}

export default fp(signedInByDefault, { name: 'signed-in-by-default', dependencies: ['authenticate'] });
