import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Serves the built H5 app; unknown non-/api paths fall back to index.html (see the not-found handler). */
async function h5Static(app: FastifyInstance, options: { root: string }) {
  await app.register(fastifyStatic, { root: path.resolve(options.root) });
}

export default fp(h5Static, { name: 'h5-static' });
