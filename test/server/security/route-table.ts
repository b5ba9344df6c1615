import { eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { authSessions } from '../../../server/db/schema';
import type { Role } from '../../../src/domain/roles';
import {
  communityWithTeam,
  createCommunity,
  devLogin,
  joinCommunity,
  type SignedInUser,
  uniqueName,
} from '../../support/api-session';
import type { FakeWechat } from '../../support/fake-wechat';
import type { RouteFixtureBase } from '../../support/route-fixtures';
import type { TestApp } from '../../support/test-app';
import { accountRoutes } from './routes/account';
import { dashboardRoutes } from './routes/dashboard';
import { exportRoutes } from './routes/exports';
import { joiningRoutes } from './routes/joining';
import { moderationRoutes } from './routes/moderation';
import { notificationRoutes } from './routes/notifications';
import { profileRoutes } from './routes/profiles';
import { promotionRoutes } from './routes/promotions';
import { sessionRoutes } from './routes/sessions';
import { tagRoutes } from './routes/tags';
import { tipRoutes } from './routes/tips';
import { uploadRoutes } from './routes/uploads';
import { wechatRoutes } from './routes/wechat';
import { weeklyDigestRoutes } from './routes/weekly-digest';

/**
 * Every route of the API: who may call it, and a request that an allowed caller would make.
 * The authorization matrix and the bad-input suite both read it; a route missing here fails both.
 */

export const callers = ['anonymous', 'expired', 'outsider', 'member', 'secretary', 'admin', 'owner'] as const;
export type Caller = (typeof callers)[number];

/** `public`: anyone; `signed-in`: any valid session; a role: at least that role in the fixture community. */
export type Access = 'public' | 'signed-in' | Role;

export interface Fixture extends RouteFixtureBase {
  wechat: FakeWechat;
  communityId: string;
  inviteCode: string;
  users: Record<Exclude<Caller, 'anonymous'>, SignedInUser>;
}

/** `headers` are extra request headers (a multipart content type); the caller's authorization is added by the suites. */
export type RouteRequest = Omit<InjectOptions, 'method' | 'headers'> & {
  url: string;
  headers?: Record<string, string>;
};

export interface RouteEntry {
  access: Access;
  /**
   * A request an allowed caller would make. It may create what it needs first (a tip to like, a
   * session to book) through the API: it runs before the "nothing changed" snapshot is taken.
   */
  request(fixture: Fixture): RouteRequest | Promise<RouteRequest>;
  /** Where a caller's refusal is not the generic one for the access level. */
  expect?: Partial<Record<Caller, { status: number; code?: string }>>;
  /** A refusal that writes on purpose (a wrong check-in code is counted): its code and the tables it changes. */
  refusalWrites?: { code: string; tables: string[] };
  /**
   * Content meant for attendees only (an online session's meeting link): the allowed callers who
   * see `field`; the body any other allowed caller gets has no such field anywhere in it.
   */
  attendeeOnly?: { field: string; seenBy: readonly Caller[] };
}

export const routeTable: Record<string, RouteEntry> = {
  'GET /api/health': { access: 'public', request: () => ({ url: '/api/health' }) },
  'POST /api/auth/wechat': {
    access: 'public',
    request: (f) => {
      const code = uniqueName('wx-code-');
      f.wechat.setCode(code, { kind: 'ok', openid: uniqueName('openid-') });
      return { url: '/api/auth/wechat', payload: { code } };
    },
  },
  'POST /api/auth/dev': {
    access: 'public',
    request: () => ({ url: '/api/auth/dev', payload: { name: uniqueName('访客') } }),
  },
  'GET /api/auth/dev/users': { access: 'public', request: () => ({ url: '/api/auth/dev/users' }) },
  'POST /api/auth/logout': { access: 'signed-in', request: () => ({ url: '/api/auth/logout' }) },
  'GET /api/me': { access: 'signed-in', request: () => ({ url: '/api/me' }) },
  ...accountRoutes,
  'POST /api/communities': {
    access: 'signed-in',
    request: () => ({
      url: '/api/communities',
      payload: { name: uniqueName('新社群'), goal: '一起进步', rules: '友善' },
    }),
  },
  'GET /api/communities/{communityId}': {
    access: 'member',
    request: (f) => ({ url: `/api/communities/${f.communityId}` }),
  },
  'PATCH /api/communities/{communityId}': {
    access: 'owner',
    request: (f) => ({
      url: `/api/communities/${f.communityId}`,
      payload: { goal: '每周一个新技巧', gentleRule: true },
    }),
  },
  'GET /api/communities/{communityId}/members': {
    access: 'member',
    request: (f) => ({ url: `/api/communities/${f.communityId}/members` }),
  },
  'GET /api/communities/{communityId}/members/search': {
    access: 'secretary',
    request: (f) => ({ url: `/api/communities/${f.communityId}/members/search`, query: { q: '成员' } }),
  },
  'PUT /api/communities/{communityId}/members/{userId}/role': {
    access: 'owner',
    request: (f) => ({
      url: `/api/communities/${f.communityId}/members/${f.users.member.user.id}/role`,
      payload: { role: 'secretary' },
    }),
  },
  'POST /api/communities/{communityId}/transfer-ownership': {
    access: 'owner',
    request: (f) => ({
      url: `/api/communities/${f.communityId}/transfer-ownership`,
      payload: { userId: f.users.admin.user.id },
    }),
  },
  'POST /api/communities/{communityId}/members/{userId}/removal': {
    access: 'admin',
    request: async (f) => ({
      url: `/api/communities/${f.communityId}/members/${(await newMember(f)).user.id}/removal`,
      payload: { reason: '多次发广告', block: true },
    }),
  },
  'GET /api/communities/{communityId}/blocks': {
    access: 'admin',
    request: (f) => ({ url: `/api/communities/${f.communityId}/blocks` }),
  },
  'DELETE /api/communities/{communityId}/blocks/{userId}': {
    access: 'admin',
    request: async (f) => {
      const blocked = await newMember(f);
      await f.app.inject({
        method: 'POST',
        url: `/api/communities/${f.communityId}/members/${blocked.user.id}/removal`,
        headers: f.users.owner.headers,
        payload: { block: true },
      });
      return { url: `/api/communities/${f.communityId}/blocks/${blocked.user.id}` };
    },
  },
  'POST /api/communities/{communityId}/leave': {
    access: 'member',
    request: (f) => ({ url: `/api/communities/${f.communityId}/leave` }),
  },
  'POST /api/communities/{communityId}/invite-code/reset': {
    access: 'admin',
    request: (f) => ({ url: `/api/communities/${f.communityId}/invite-code/reset` }),
  },
  ...joiningRoutes,
  ...profileRoutes,
  ...tagRoutes,
  ...uploadRoutes,
  ...tipRoutes,
  ...sessionRoutes,
  ...promotionRoutes,
  ...notificationRoutes,
  ...dashboardRoutes,
  ...weeklyDigestRoutes,
  ...exportRoutes,
  ...moderationRoutes,
  ...wechatRoutes,
};

/** A fresh plain member of the fixture community: someone to remove. */
async function newMember(f: Fixture): Promise<SignedInUser> {
  const user = await devLogin(f.app, uniqueName('新成员'));
  await joinCommunity(f.app, user, f.inviteCode);
  return user;
}

/** A caller the route admits, to get past the permission check to the input checks. */
export function allowedCaller(access: Access): Exclude<Caller, 'anonymous'> | 'anonymous' {
  if (access === 'public') return 'anonymous';
  if (access === 'signed-in') return 'member';
  return access;
}

/** A community with every role, an outsider who belongs to another community, and an expired session. */
export async function makeFixture(t: TestApp, wechat: FakeWechat): Promise<Fixture> {
  const team = await communityWithTeam(t.app);
  // The outsider belongs to another community: not a stranger to the whole app.
  await createCommunity(t.app, team.outsider);
  const expired = await devLogin(t.app, uniqueName('过期'));
  await t.db
    .update(authSessions)
    .set({ expiresAt: new Date(Date.now() - 1000) })
    .where(eq(authSessions.userId, expired.user.id));
  const { owner, admin, secretary, member, outsider } = team;
  return {
    app: t.app,
    db: t.db,
    wechat,
    communityId: team.community.id,
    inviteCode: team.community.inviteCode!,
    users: { owner, admin, secretary, member, outsider, expired },
  };
}

/** `METHOD /path/{param}` for every operation of the OpenAPI document, with whether it declares a token. */
export async function apiOperations(t: TestApp): Promise<{ route: string; bearerToken: boolean }[]> {
  const document = (await t.app.inject({ url: '/api/openapi.json' })).json<{
    paths: Record<string, Record<string, { security?: unknown[] }>>;
  }>();
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      route: `${method.toUpperCase()} ${path}`,
      bearerToken: Boolean(operation.security?.length),
    })),
  );
}

export async function apiRoutes(t: TestApp): Promise<string[]> {
  return (await apiOperations(t)).map(({ route }) => route);
}
