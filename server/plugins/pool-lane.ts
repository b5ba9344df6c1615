import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { onPoolLane, poolLaneOfMethod } from '../db/pool-lanes';

/** Every request runs on the pool lane of its method: reads never queue behind a burst of writes. */
async function poolLane(app: FastifyInstance) {
  // `done` inside `run`: the rest of the request (hooks, handler) continues within the lane.
  app.addHook('onRequest', (request, _reply, done) => onPoolLane(poolLaneOfMethod(request.method), done));
}

export default fp(poolLane, { name: 'pool-lane' });
