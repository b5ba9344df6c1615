import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** Whether `/api/ready` should answer 503 (shutting down) whatever the database says. */
    isDraining(): boolean;
    /** Called first on SIGTERM: the load balancer sees 503 and stops sending before connections close. */
    startDraining(): void;
  }
}

async function readiness(app: FastifyInstance) {
  let draining = false;
  app.decorate('isDraining', () => draining);
  app.decorate('startDraining', () => {
    draining = true;
  });
  // A close not started by server.ts (tests, a failed start) drains too.
  app.addHook('preClose', async () => {
    draining = true;
  });
}

export default fp(readiness, { name: 'readiness' });
