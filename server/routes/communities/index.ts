import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CommunityParams } from '../../../src/domain/contract/common';
import {
  CommunityView,
  CreateCommunityBody,
  UpdateCommunityBody,
} from '../../../src/domain/contract/communities';
import {
  type CommunityDeps,
  createCommunity,
  getCommunity,
  resetInviteCode,
  updateCommunitySettings,
} from '../../modules/communities/community-service';
import { currentUser } from '../../plugins/authenticate';
import { errorResponses } from '../route-schema';

const communityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps: CommunityDeps = { db: app.db, textChecker: app.textChecker };

  app.post(
    '/api/communities',
    {
      schema: {
        tags: ['communities'],
        summary: 'Create a community; the caller becomes its owner',
        body: CreateCommunityBody,
        response: { 201: CommunityView, ...errorResponses(400, 401, 422, 503) },
      },
    },
    async (request, reply) => {
      const community = await createCommunity(deps, currentUser(request), request.body);
      return reply.status(201).send(community);
    },
  );

  app.get(
    '/api/communities/:communityId',
    {
      schema: {
        tags: ['communities'],
        params: CommunityParams,
        response: { 200: CommunityView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getCommunity(app.db, currentUser(request), request.params.communityId),
  );

  app.patch(
    '/api/communities/:communityId',
    {
      schema: {
        tags: ['communities'],
        summary: 'Owner only: change name, goal, rules or capacity',
        params: CommunityParams,
        body: UpdateCommunityBody,
        response: { 200: CommunityView, ...errorResponses(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (request) =>
      updateCommunitySettings(deps, currentUser(request), request.params.communityId, request.body),
  );

  app.post(
    '/api/communities/:communityId/invite-code/reset',
    {
      schema: {
        tags: ['communities'],
        summary: 'Owner or admin: replace the invite code (the old one stops working)',
        params: CommunityParams,
        response: { 200: CommunityView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => resetInviteCode(app.db, currentUser(request), request.params.communityId),
  );
};

export default communityRoutes;
