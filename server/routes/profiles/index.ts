import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CommunityParams, MemberParams } from '../../../src/domain/contract/common';
import {
  MemberProfileView,
  SimilarPage,
  SimilarQuery,
  UpdateProfileBody,
} from '../../../src/domain/contract/profiles';
import { getMemberProfile, getMyProfile, updateMyProfile } from '../../modules/profiles/profile-service';
import { getSimilarMembers } from '../../modules/profiles/tag-service';
import { currentUser } from '../../plugins/authenticate';
import { errorResponses } from '../route-schema';

const profileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/communities/:communityId/members/me',
    {
      schema: {
        tags: ['profiles'],
        summary: 'My profile in this community, with my tags (normalised)',
        params: CommunityParams,
        response: { 200: MemberProfileView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getMyProfile(app.db, currentUser(request), request.params.communityId, app.now()),
  );

  app.patch(
    '/api/communities/:communityId/members/me',
    {
      schema: {
        tags: ['profiles'],
        summary: 'Change any subset of my profile; tags replace my list (at most 8 after normalising)',
        params: CommunityParams,
        body: UpdateProfileBody,
        response: { 200: MemberProfileView, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) =>
      updateMyProfile(app, currentUser(request), request.params.communityId, request.body, app.now()),
  );

  app.get(
    '/api/communities/:communityId/members/similar',
    {
      schema: {
        tags: ['profiles'],
        summary: '和我相似的人: members by shared tags, then most recent activity; keyset-paged',
        params: CommunityParams,
        querystring: SimilarQuery,
        response: { 200: SimilarPage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      getSimilarMembers(app.db, currentUser(request), request.params.communityId, {
        cursor: request.query.cursor,
        limit: request.query.limit ? Number(request.query.limit) : undefined,
      }),
  );

  app.get(
    '/api/communities/:communityId/members/:userId',
    {
      schema: {
        tags: ['profiles'],
        summary: "A member's profile, for members of the same community only",
        params: MemberParams,
        response: { 200: MemberProfileView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      getMemberProfile(
        app.db,
        currentUser(request),
        request.params.communityId,
        request.params.userId,
        app.now(),
      ),
  );
};

export default profileRoutes;
