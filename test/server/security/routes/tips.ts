import { apiCall, once } from '../../../support/route-fixtures';
import type { Fixture, RouteEntry } from '../route-table';

function tipContent(title: string) {
  return {
    title,
    body: '切掉尾巴，用勺子沿着果肉转一圈，整个果肉就出来了。',
    steps: ['切掉两头', '勺子贴着皮插进去', '转一圈取出'],
    tags: ['烘焙'],
    minutes: 2,
  };
}

/** A tip the owner wrote: `published` at once, or saved as a `draft`. */
function ownerTip(f: Fixture, kind: 'published' | 'draft') {
  return once(f, `tip:${kind}`, () =>
    apiCall<{ id: string }>(f.app, f.users.owner, 'POST', `/api/communities/${f.communityId}/tips`, {
      ...tipContent(kind === 'draft' ? '草莓切花' : '猕猴桃去皮'),
      ...(kind === 'draft' ? { draft: true } : {}),
    }),
  );
}

/** A member's suggestion, waiting for review. */
function suggestion(f: Fixture) {
  return once(f, 'tip:suggested', () =>
    apiCall<{ id: string }>(
      f.app,
      f.users.member,
      'POST',
      `/api/communities/${f.communityId}/tips`,
      tipContent('奶油裱花的小窍门'),
    ),
  );
}

async function publishedTipUrl(f: Fixture, rest = '') {
  return `/api/tips/${(await ownerTip(f, 'published')).id}${rest}`;
}

const reactions = Object.fromEntries(
  (['like', 'save', 'try'] as const).flatMap((mark) =>
    (['PUT', 'DELETE'] as const).map((method): [string, RouteEntry] => [
      `${method} /api/tips/{tipId}/${mark}`,
      {
        access: 'member',
        request: async (f) => ({
          url: await publishedTipUrl(f, `/${mark}`),
          ...(mark === 'try' && method === 'PUT' ? { payload: { note: '真的一转就出来了' } } : {}),
        }),
      },
    ]),
  ),
);

/**
 * Tips: members read, react and suggest; the team (owner, admins, secretary) writes, edits,
 * publishes and unpublishes; only owner and admins decide on members' suggestions.
 */
export const tipRoutes: Record<string, RouteEntry> = {
  'POST /api/communities/{communityId}/tips': {
    access: 'member',
    request: (f) => ({
      url: `/api/communities/${f.communityId}/tips`,
      payload: tipContent('蛋糕抹面不掉渣'),
    }),
  },
  'GET /api/communities/{communityId}/tips': {
    access: 'member',
    request: (f) => ({ url: `/api/communities/${f.communityId}/tips`, query: { sort: 'recommended' } }),
  },
  'GET /api/communities/{communityId}/tips/search': {
    access: 'member',
    request: async (f) => {
      await ownerTip(f, 'published');
      return { url: `/api/communities/${f.communityId}/tips/search`, query: { q: '猕猴桃 去皮' } };
    },
  },
  'GET /api/communities/{communityId}/tips/tags': {
    access: 'member',
    request: (f) => ({ url: `/api/communities/${f.communityId}/tips/tags` }),
  },
  'GET /api/communities/{communityId}/tips/manage': {
    access: 'member',
    request: (f) => ({
      url: `/api/communities/${f.communityId}/tips/manage`,
      query: { status: 'suggested' },
    }),
  },
  'GET /api/communities/{communityId}/me/tips': {
    access: 'member',
    request: (f) => ({ url: `/api/communities/${f.communityId}/me/tips`, query: { kind: 'saved' } }),
  },
  'GET /api/tips/{tipId}': {
    access: 'member',
    request: async (f) => ({ url: await publishedTipUrl(f) }),
  },
  'PUT /api/tips/{tipId}': {
    access: 'secretary',
    request: async (f) => ({
      url: await publishedTipUrl(f),
      payload: tipContent('猕猴桃去皮（更快的办法）'),
    }),
  },
  'POST /api/tips/{tipId}/publish': {
    access: 'secretary',
    request: async (f) => ({
      url: `/api/tips/${(await ownerTip(f, 'draft')).id}/publish`,
      payload: { version: 1 },
    }),
  },
  'POST /api/tips/{tipId}/unpublish': {
    access: 'secretary',
    request: async (f) => ({ url: await publishedTipUrl(f, '/unpublish') }),
  },
  'POST /api/tips/{tipId}/decline': {
    access: 'admin',
    request: async (f) => ({
      url: `/api/tips/${(await suggestion(f)).id}/decline`,
      payload: { reason: '和上周的技巧重复了', version: 1 },
    }),
  },
  ...reactions,
  'GET /api/tips/{tipId}/tries': {
    access: 'member',
    request: async (f) => ({ url: await publishedTipUrl(f, '/tries') }),
  },
};
