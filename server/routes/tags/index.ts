import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CommunityParams } from '../../../src/domain/contract/common';
import { MemberSummaryView } from '../../../src/domain/contract/profiles';
import {
  AddSuggestedTagBody,
  ChangeSuggestedTagBody,
  MergeTagsBody,
  SuggestedTagParams,
  SuggestedTagView,
  TagCount,
  TagQuery,
} from '../../../src/domain/contract/tags';
import {
  addSuggestedTag,
  changeSuggestedTag,
  getSuggestedTags,
  getTagCloud,
  getTagMembers,
  mergeTags,
} from '../../modules/profiles/tag-service';
import { currentUser } from '../../plugins/authenticate';
import { errorResponses } from '../route-schema';

const tagRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/communities/:communityId/tags',
    {
      schema: {
        tags: ['tags'],
        summary: 'Tag cloud: every visible tag with how many members hold it',
        params: CommunityParams,
        response: { 200: Type.Array(TagCount), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getTagCloud(app.db, currentUser(request), request.params.communityId),
  );

  app.get(
    '/api/communities/:communityId/tags/members',
    {
      schema: {
        tags: ['tags'],
        summary: 'The members holding a tag (?tag=, normalised by the tag rule)',
        params: CommunityParams,
        querystring: TagQuery,
        response: { 200: Type.Array(MemberSummaryView), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      getTagMembers(app.db, currentUser(request), request.params.communityId, request.query.tag),
  );

  app.post(
    '/api/communities/:communityId/tags/merge',
    {
      schema: {
        tags: ['tags'],
        summary: 'Owner/admins: every member holding `from` then holds `into`, once',
        params: CommunityParams,
        body: MergeTagsBody,
        response: { 200: Type.Array(TagCount), ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => mergeTags(app, currentUser(request), request.params.communityId, request.body),
  );

  app.get(
    '/api/communities/:communityId/suggested-tags',
    {
      schema: {
        tags: ['tags'],
        summary: 'Suggested tags for the tag editor; owner and admins also see hidden ones',
        params: CommunityParams,
        response: { 200: Type.Array(SuggestedTagView), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getSuggestedTags(app.db, currentUser(request), request.params.communityId),
  );

  app.post(
    '/api/communities/:communityId/suggested-tags',
    {
      schema: {
        tags: ['tags'],
        summary: 'Owner/admins: suggest a tag',
        params: CommunityParams,
        body: AddSuggestedTagBody,
        response: { 201: SuggestedTagView, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addSuggestedTag(app, currentUser(request), request.params.communityId, request.body.tag)),
  );

  app.patch(
    '/api/communities/:communityId/suggested-tags/:tagId',
    {
      schema: {
        tags: ['tags'],
        summary: 'Owner/admins: rename (members holding it follow) or hide/show a suggested tag',
        params: SuggestedTagParams,
        body: ChangeSuggestedTagBody,
        response: { 200: SuggestedTagView, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      changeSuggestedTag(
        app,
        currentUser(request),
        request.params.communityId,
        request.params.tagId,
        request.body,
      ),
  );
};

export default tagRoutes;
