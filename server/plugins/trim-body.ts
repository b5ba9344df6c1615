import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

function trimStrings(value: unknown): unknown {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(trimStrings);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, trimStrings(inner)]));
  }
  return value;
}

/** Trimmed before validation, so "   " is empty and length limits apply to what is kept. */
async function trimBody(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    if (request.body && typeof request.body === 'object') request.body = trimStrings(request.body);
  });
}

export default fp(trimBody, { name: 'trim-body' });
