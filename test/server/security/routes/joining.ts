import { devLogin, uniqueName } from '../../../support/api-session';
import { apiCall, once } from '../../../support/route-fixtures';
import type { Fixture, RouteEntry } from '../route-table';

/** A newcomer's request waiting in the fixture community, made through the share-card route. */
function newcomerRequest(f: Fixture) {
  return once(f, 'join-request', async () => {
    const newcomer = await devLogin(f.app, uniqueName('新人'));
    return apiCall<{ id: string }>(
      f.app,
      newcomer,
      'POST',
      `/api/communities/${f.communityId}/join-requests`,
      {
        note: '想学写标题',
      },
    );
  });
}

/** The outsider's own request, for the author-only withdraw route. */
function outsiderRequest(f: Fixture) {
  return once(f, 'outsider-join-request', () =>
    apiCall<{ id: string }>(
      f.app,
      f.users.outsider,
      'POST',
      `/api/communities/${f.communityId}/join-requests`,
      {},
    ),
  );
}

const groupTicket = { encryptedData: 'c29tZSBkYXRh', iv: 'MDEyMzQ1Njc4OWFiY2RlZg==' };

export const joiningRoutes: Record<string, RouteEntry> = {
  'POST /api/communities/join': {
    access: 'signed-in',
    request: (f) => ({ url: '/api/communities/join', payload: { inviteCode: f.inviteCode } }),
  },
  'POST /api/communities/join-by-group': {
    access: 'signed-in',
    request: () => ({ url: '/api/communities/join-by-group', payload: groupTicket }),
  },
  'GET /api/communities/{communityId}/preview': {
    access: 'signed-in',
    request: (f) => ({ url: `/api/communities/${f.communityId}/preview?inviter=${f.users.member.user.id}` }),
  },
  'POST /api/communities/{communityId}/join-requests': {
    access: 'signed-in',
    request: (f) => ({
      url: `/api/communities/${f.communityId}/join-requests`,
      payload: { inviterId: f.users.member.user.id, note: '朋友推荐来的' },
    }),
  },
  'GET /api/communities/{communityId}/join-requests': {
    access: 'admin',
    request: (f) => ({ url: `/api/communities/${f.communityId}/join-requests` }),
  },
  'POST /api/join-requests/{requestId}/approve': {
    access: 'admin',
    request: async (f) => ({ url: `/api/join-requests/${(await newcomerRequest(f)).id}/approve` }),
  },
  'POST /api/join-requests/{requestId}/decline': {
    access: 'admin',
    request: async (f) => ({
      url: `/api/join-requests/${(await newcomerRequest(f)).id}/decline`,
      payload: { reason: '本群只收做内容的朋友' },
    }),
  },
  'POST /api/join-requests/{requestId}/withdraw': {
    access: 'signed-in',
    request: async (f) => ({ url: `/api/join-requests/${(await outsiderRequest(f)).id}/withdraw` }),
  },
  'PUT /api/communities/{communityId}/wechat-group': {
    access: 'owner',
    request: (f) => ({ url: `/api/communities/${f.communityId}/wechat-group`, payload: groupTicket }),
  },
  'DELETE /api/communities/{communityId}/wechat-group': {
    access: 'owner',
    request: (f) => ({ url: `/api/communities/${f.communityId}/wechat-group` }),
  },
  'POST /api/communities/{communityId}/rules-confirmation': {
    access: 'member',
    request: (f) => ({ url: `/api/communities/${f.communityId}/rules-confirmation` }),
  },
};
