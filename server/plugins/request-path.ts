import type { FastifyRequest } from 'fastify';

/**
 * The path a request reached, as the router understood it: the matched route's pattern, or for an
 * unmatched request its percent-decoded path. `/%61pi/auth/dev` is routed to `/api/auth/dev`, so
 * every rule keyed by path (rate limits, headers) must see it as that route too.
 */
export function reachedPath(request: FastifyRequest): string {
  const route = request.routeOptions.url;
  if (route) return route;
  const path = request.url.split('?', 1)[0]!;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export function isApiRequest(request: FastifyRequest): boolean {
  const path = reachedPath(request);
  return path === '/api' || path.startsWith('/api/');
}

/** The methods that change something: the ones rate-limited as writes and admitted a few at a time. */
export const writeMethods: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
