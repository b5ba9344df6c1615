import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../app-error';
import { authenticateToken } from '../modules/auth/auth-service';
import type { LoginCache } from '../modules/auth/login-cache';
import type { UserRow } from '../modules/auth/user-repository';
import type { CommunityStanding } from '../modules/membership/require-membership';

declare module 'fastify' {
  interface FastifyInstance {
    /** preHandler for routes that need a signed-in user; sets `request.user`. */
    authenticate(request: FastifyRequest): Promise<void>;
  }
  interface FastifyRequest {
    user: UserRow | null;
    /** The raw bearer token of the request, once authenticated (logout deletes its login session). */
    loginToken: string | null;
    /**
     * The caller's standing in the community of the path (`:communityId`), read with the session:
     * read-only routes hand it to `requireMembership` instead of asking the database again.
     */
    communityStanding: CommunityStanding | null;
  }
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The path's community id, when it is one; anything else fails the route's schema after this hook. */
function pathCommunityId(request: FastifyRequest): string | undefined {
  const communityId = (request.params as { communityId?: unknown } | undefined)?.communityId;
  return typeof communityId === 'string' && uuidPattern.test(communityId) ? communityId : undefined;
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match ? match[1]! : null;
}

/** The signed-in user of a route guarded by `app.authenticate`. */
export function currentUser(request: FastifyRequest): UserRow {
  if (!request.user) throw new AppError('UNAUTHENTICATED', 401);
  return request.user;
}

/** Reads may be answered from the login cache; a write always asks PostgreSQL who is writing. */
const readMethods = new Set(['GET', 'HEAD']);

/** `loginCache`: this instance's (`read-caches/start-read-caches.ts`); null where there is none. */
async function authenticate(app: FastifyInstance, { loginCache }: { loginCache: LoginCache | null }) {
  app.decorateRequest('user', null);
  app.decorateRequest('loginToken', null);
  app.decorateRequest('communityStanding', null);
  app.decorate('authenticate', async (request: FastifyRequest) => {
    const token = bearerToken(request);
    if (!token) throw new AppError('UNAUTHENTICATED', 401);
    const cache = readMethods.has(request.method) ? (loginCache ?? undefined) : undefined;
    const { user, standing } = await authenticateToken(app.db, token, pathCommunityId(request), cache);
    request.user = user;
    request.loginToken = token;
    request.communityStanding = standing;
  });
}

export default fp(authenticate, { name: 'authenticate', dependencies: ['database'] });
