import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Text the browser and the scraper read (the H5 app's JS/CSS/HTML, JSON answers, metrics), over
 * 1 KB, as brotli or gzip. Pictures and the xlsx exports are compressed already and pass as they
 * are (their types are not in the list), streamed as before. Request bodies are never inflated:
 * a small gzip upload must not grow past the body limit after it was checked.
 */
const compressibleType =
  /^(?:text\/(?:html|css|javascript|plain)|application\/(?:javascript|json|manifest\+json)|image\/svg\+xml)(?:;|$)/;

async function compression(app: FastifyInstance) {
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    customTypes: compressibleType,
    globalDecompression: false,
  });
}

export default fp(compression, { name: 'compression' });
