import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CommunityParams, MemberParams } from '../../../src/domain/contract/common';
import {
  BlockedUserView,
  ChangeRoleBody,
  CommunityView,
  MemberDirectoryPage,
  MemberSearchQuery,
  MemberView,
  RemoveMemberBody,
  TransferOwnershipBody,
} from '../../../src/domain/contract/communities';
import {
  changeMemberRole,
  leaveCommunity,
  listCommunityMembers,
  transferOwnership,
} from '../../modules/communities/community-service';
import { listBlockedUsers, removeMember, unblockUser } from '../../modules/communities/member-removal';
import { searchMembers } from '../../modules/profiles/member-directory-service';
import { currentUser } from '../../plugins/authenticate';
import { errorResponses } from '../route-schema';

const memberRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/communities/:communityId/members',
    {
      schema: {
        tags: ['members'],
        params: CommunityParams,
        response: { 200: Type.Array(MemberView), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listCommunityMembers(app.db, currentUser(request), request.params.communityId),
  );

  app.get(
    '/api/communities/:communityId/members/search',
    {
      schema: {
        tags: ['members'],
        summary: 'Team: members with their tags, found by a part of a name or a tag (none: everyone), paged',
        params: CommunityParams,
        querystring: MemberSearchQuery,
        response: { 200: MemberDirectoryPage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      searchMembers(
        app.db,
        currentUser(request),
        request.params.communityId,
        request.query,
        request.communityStanding,
      ),
  );

  app.put(
    '/api/communities/:communityId/members/:userId/role',
    {
      schema: {
        tags: ['members'],
        summary: 'Owner only: make a member admin, secretary or plain member',
        params: MemberParams,
        body: ChangeRoleBody,
        response: { 200: MemberView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      changeMemberRole(
        app.db,
        currentUser(request),
        request.params.communityId,
        request.params.userId,
        request.body.role,
      ),
  );

  app.post(
    '/api/communities/:communityId/transfer-ownership',
    {
      schema: {
        tags: ['members'],
        summary: 'Owner only: hand the community to another member; the old owner becomes admin',
        params: CommunityParams,
        body: TransferOwnershipBody,
        response: { 200: CommunityView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      transferOwnership(app.db, currentUser(request), request.params.communityId, request.body.userId),
  );

  app.post(
    '/api/communities/:communityId/members/:userId/removal',
    {
      schema: {
        tags: ['members'],
        summary:
          'Owner and admins: remove a member whose role is below theirs (their sign-ups are cancelled as on leaving), optionally barring them from joining again',
        params: MemberParams,
        body: RemoveMemberBody,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (request, reply) => {
      await removeMember(
        { db: app.db, textChecker: app.textChecker },
        currentUser(request),
        request.params.communityId,
        request.params.userId,
        request.body,
        app.now(),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/communities/:communityId/blocks',
    {
      schema: {
        tags: ['members'],
        summary: 'Owner and admins: the people removed and barred from joining again, newest first',
        params: CommunityParams,
        response: { 200: Type.Array(BlockedUserView), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listBlockedUsers(app.db, currentUser(request), request.params.communityId),
  );

  app.delete(
    '/api/communities/:communityId/blocks/:userId',
    {
      schema: {
        tags: ['members'],
        summary: 'Owner and admins: lift a block; the person may join again the usual ways',
        params: MemberParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await unblockUser(app.db, currentUser(request), request.params.communityId, request.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/communities/:communityId/leave',
    {
      schema: {
        tags: ['members'],
        params: CommunityParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await leaveCommunity(app.db, currentUser(request), request.params.communityId);
      return reply.status(204).send(null);
    },
  );
};

export default memberRoutes;
