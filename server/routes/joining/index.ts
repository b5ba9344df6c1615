import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { normaliseInviteCode } from '../../../src/domain/community-rules';
import { CommunityParams } from '../../../src/domain/contract/common';
import { CommunityView } from '../../../src/domain/contract/communities';
import {
  CommunityPreviewView,
  DeclineJoinRequestBody,
  GroupTicketBody,
  JoinByCodeBody,
  JoinByGroupBody,
  JoinRequestBody,
  JoinRequestParams,
  JoinRequestView,
  JoinResult,
  MyJoinRequestView,
  PreviewQuery,
} from '../../../src/domain/contract/joining';
import type { Config } from '../../config';
import { confirmCommunityRules } from '../../modules/communities/community-service';
import { bindWechatGroup, unbindWechatGroup } from '../../modules/joining/group-binding';
import {
  approveJoinRequest,
  declineJoinRequest,
  type JoiningDeps,
  joinByInviteCode,
  joinByWechatGroup,
  listJoinRequests,
  previewCommunity,
  requestToJoin,
  withdrawJoinRequest,
} from '../../modules/joining/join-service';
import { currentUser } from '../../plugins/authenticate';
import { errorResponses } from '../route-schema';

/** How people get into a community: invite code, share card (a request), the bound WeChat group. */
const joiningRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  const deps: JoiningDeps = { db: app.db, textChecker: app.textChecker, config };

  app.post(
    '/api/communities/join',
    {
      // Joins lock the community row: a group's burst of newcomers waits its turn (plugins/hot-row-queue.ts).
      config: {
        hotRow: (request) =>
          `invite-code:${normaliseInviteCode((request.body as { inviteCode: string }).inviteCode)}`,
      },
      schema: {
        tags: ['joining'],
        summary: 'Join by invite code: in at once, or a request when the community requires approval',
        body: JoinByCodeBody,
        response: { 200: JoinResult, ...errorResponses(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (request) => joinByInviteCode(deps, currentUser(request), request.body),
  );

  app.post(
    '/api/communities/join-by-group',
    {
      schema: {
        tags: ['joining'],
        summary: "Join from a share card inside the community's bound WeChat group (getGroupEnterInfo data)",
        body: JoinByGroupBody,
        response: { 200: JoinResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => joinByWechatGroup(deps, currentUser(request), request.body),
  );

  app.get(
    '/api/communities/:communityId/preview',
    {
      schema: {
        tags: ['joining'],
        summary: "Any signed-in user: what a share card's landing page shows before joining",
        params: CommunityParams,
        querystring: PreviewQuery,
        response: { 200: CommunityPreviewView, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) =>
      previewCommunity(app.db, currentUser(request), request.params.communityId, request.query.inviter),
  );

  app.post(
    '/api/communities/:communityId/join-requests',
    {
      config: {
        hotRow: (request) => `community:${(request.params as { communityId: string }).communityId}`,
      },
      schema: {
        tags: ['joining'],
        summary: 'Ask to join from a share card without an invite code; the owner or an admin decides',
        params: CommunityParams,
        body: JoinRequestBody,
        response: { 201: MyJoinRequestView, ...errorResponses(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (request, reply) => {
      const created = await requestToJoin(
        deps,
        currentUser(request),
        request.params.communityId,
        request.body,
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/communities/:communityId/join-requests',
    {
      schema: {
        tags: ['joining'],
        summary: 'Owner or admin: join requests waiting, oldest first',
        params: CommunityParams,
        response: { 200: Type.Array(JoinRequestView), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listJoinRequests(app.db, currentUser(request), request.params.communityId),
  );

  app.post(
    '/api/join-requests/:requestId/approve',
    {
      schema: {
        tags: ['joining'],
        summary: 'Owner or admin: let the newcomer in (capacity permitting); they are notified',
        params: JoinRequestParams,
        response: { 200: JoinRequestView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => approveJoinRequest(app.db, currentUser(request), request.params.requestId),
  );

  app.post(
    '/api/join-requests/:requestId/decline',
    {
      schema: {
        tags: ['joining'],
        summary: 'Owner or admin: decline, with an optional reason the newcomer sees',
        params: JoinRequestParams,
        body: DeclineJoinRequestBody,
        response: { 200: JoinRequestView, ...errorResponses(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (request) =>
      declineJoinRequest(deps, currentUser(request), request.params.requestId, request.body.reason),
  );

  app.post(
    '/api/join-requests/:requestId/withdraw',
    {
      schema: {
        tags: ['joining'],
        summary: 'The newcomer withdraws their own request',
        params: JoinRequestParams,
        response: { 200: MyJoinRequestView, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => withdrawJoinRequest(app.db, currentUser(request), request.params.requestId),
  );

  app.put(
    '/api/communities/:communityId/wechat-group',
    {
      schema: {
        tags: ['joining'],
        summary: 'Owner: bind the community to the WeChat group the app was opened from',
        params: CommunityParams,
        body: GroupTicketBody,
        response: { 200: CommunityView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => bindWechatGroup(deps, currentUser(request), request.params.communityId, request.body),
  );

  app.delete(
    '/api/communities/:communityId/wechat-group',
    {
      schema: {
        tags: ['joining'],
        summary: 'Owner: unbind the WeChat group',
        params: CommunityParams,
        response: { 200: CommunityView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => unbindWechatGroup(app.db, currentUser(request), request.params.communityId),
  );

  app.post(
    '/api/communities/:communityId/rules-confirmation',
    {
      schema: {
        tags: ['joining'],
        summary: 'A member confirms having read the goal and rules (asked once, after joining)',
        params: CommunityParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await confirmCommunityRules(app.db, currentUser(request), request.params.communityId);
      return reply.status(204).send(null);
    },
  );
};

export default joiningRoutes;
