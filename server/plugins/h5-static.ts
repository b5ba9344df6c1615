import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** The build's names carry a content hash (`js/app.c807ad13.js`, see config/index.ts `output`). */
const hashedFileName = /\.[0-9a-f]{8}\.(?:js|css)$/;

/**
 * A hashed file never changes under its name: cached for a year without asking again. Everything
 * else (index.html first, which names the current hashed files) is asked again every time, so a new
 * release reaches the browser on its next load.
 */
export function cacheControlFor(filePath: string): string {
  return hashedFileName.test(path.basename(filePath)) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** Serves the built H5 app; unknown non-/api paths fall back to index.html (see the not-found handler). */
async function h5Static(app: FastifyInstance, options: { root: string }) {
  await app.register(fastifyStatic, {
    root: path.resolve(options.root),
    cacheControl: false,
    setHeaders: (response, filePath) => response.setHeader('cache-control', cacheControlFor(filePath)),
  });
}

export default fp(h5Static, { name: 'h5-static' });
