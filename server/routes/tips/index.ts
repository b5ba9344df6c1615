import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  createTip,
  declineTip,
  editTip,
  publishTip,
  type TipDeps,
  unpublishTip,
} from '../../modules/tips/tip-publishing-service';
import { markTried, setMark, unmarkTried } from '../../modules/tips/tip-reaction-service';
import {
  feedTags,
  getFeed,
  managedTips,
  myTips,
  tipDetail,
  tipNotes,
} from '../../modules/tips/tip-reading-service';
import { currentUser } from '../../plugins/authenticate';
import { bearerAuth, errorResponses } from '../shared-schemas';
import {
  CommunityParams,
  CreateTipBody,
  DeclineTipBody,
  EditTipBody,
  FeedQuery,
  ManagedTipsQuery,
  MyTipsQuery,
  PublishTipBody,
  TipCardSchema,
  TipDetailSchema,
  TipNoteSchema,
  TipPageSchema,
  TipParams,
  TipTagsSchema,
  TryTipBody,
} from './tip-schemas';

const tags = ['tips'];

const tipRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps: TipDeps = { db: app.db, textChecker: app.textChecker };
  app.addHook('onRequest', app.authenticate);

  app.post(
    '/api/communities/:communityId/tips',
    {
      schema: {
        tags,
        summary: 'Team: publish, schedule (publishAt) or save a draft. Member: suggest a tip for review',
        security: bearerAuth,
        params: CommunityParams,
        body: CreateTipBody,
        response: { 201: TipDetailSchema, ...errorResponses(400, 401, 403, 404, 422, 503) },
      },
    },
    async (request, reply) => {
      const tip = await createTip(deps, currentUser(request), request.params.communityId, request.body);
      return reply.status(201).send(tip);
    },
  );

  app.get(
    '/api/communities/:communityId/tips',
    {
      schema: {
        tags,
        summary: 'The feed of published tips: newest first, by tag, or 为你推荐 (sort=recommended)',
        security: bearerAuth,
        params: CommunityParams,
        querystring: FeedQuery,
        response: { 200: TipPageSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      getFeed(
        app.db,
        currentUser(request),
        request.params.communityId,
        request.query,
        request.communityStanding,
      ),
  );

  app.get(
    '/api/communities/:communityId/tips/tags',
    {
      schema: {
        tags,
        summary: 'Tag chips for the feed: my tags, then the most used tags of published tips',
        security: bearerAuth,
        params: CommunityParams,
        response: { 200: TipTagsSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      feedTags(app.db, currentUser(request), request.params.communityId, request.communityStanding),
  );

  app.get(
    '/api/communities/:communityId/tips/manage',
    {
      schema: {
        tags,
        summary: 'Team: tips by status (drafts, scheduled, suggestions...). Member: their own suggestions',
        security: bearerAuth,
        params: CommunityParams,
        querystring: ManagedTipsQuery,
        response: { 200: Type.Array(TipCardSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      managedTips(
        app.db,
        currentUser(request),
        request.params.communityId,
        [request.query.status],
        request.communityStanding,
      ),
  );

  app.get(
    '/api/communities/:communityId/me/tips',
    {
      schema: {
        tags,
        summary: 'My saved (收藏) or tried (试过的技巧) tips in this community',
        security: bearerAuth,
        params: CommunityParams,
        querystring: MyTipsQuery,
        response: { 200: TipPageSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      myTips(
        app.db,
        currentUser(request),
        request.params.communityId,
        request.query,
        request.communityStanding,
      ),
  );

  app.get(
    '/api/tips/:tipId',
    {
      schema: {
        tags,
        security: bearerAuth,
        params: TipParams,
        response: { 200: TipDetailSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => tipDetail(app.db, currentUser(request), request.params.tipId),
  );

  app.put(
    '/api/tips/:tipId',
    {
      schema: {
        tags,
        summary: 'Team: edit a tip (suggestions: owner or admin)',
        security: bearerAuth,
        params: TipParams,
        body: EditTipBody,
        response: { 200: TipDetailSchema, ...errorResponses(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (request) => editTip(deps, currentUser(request), request.params.tipId, request.body),
  );

  app.post(
    '/api/tips/:tipId/publish',
    {
      schema: {
        tags,
        summary:
          'Team: publish now or at publishAt the version read (409 TIP_CHANGED if edited since); a suggestion credits and tells its member',
        security: bearerAuth,
        params: TipParams,
        body: PublishTipBody,
        response: { 200: TipDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => publishTip(deps, currentUser(request), request.params.tipId, request.body),
  );

  app.post(
    '/api/tips/:tipId/unpublish',
    {
      schema: {
        tags,
        summary: 'Team: take a published or scheduled tip off the feed',
        security: bearerAuth,
        params: TipParams,
        response: { 200: TipDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => unpublishTip(deps, currentUser(request), request.params.tipId),
  );

  app.post(
    '/api/tips/:tipId/decline',
    {
      schema: {
        tags,
        summary:
          'Owner or admin: decline the version read of a suggestion, with a reason (the member is told)',
        security: bearerAuth,
        params: TipParams,
        body: DeclineTipBody,
        response: { 200: TipDetailSchema, ...errorResponses(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (request) => declineTip(deps, currentUser(request), request.params.tipId, request.body),
  );

  for (const [mark, path] of [
    ['save', 'save'],
    ['like', 'like'],
  ] as const) {
    for (const on of [true, false]) {
      app.route({
        method: on ? 'PUT' : 'DELETE',
        url: `/api/tips/:tipId/${path}`,
        schema: {
          tags,
          summary: `${on ? 'Add' : 'Remove'} my ${mark === 'save' ? '收藏' : '点赞'}`,
          security: bearerAuth,
          params: TipParams,
          response: { 200: TipDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
        },
        handler: async (request) =>
          setMark(app.db, currentUser(request), (request.params as { tipId: string }).tipId, mark, on),
      });
    }
  }

  app.put(
    '/api/tips/:tipId/try',
    {
      schema: {
        tags,
        summary: '我试过了, with an optional note (one per member per tip; again to edit the note)',
        security: bearerAuth,
        params: TipParams,
        body: TryTipBody,
        response: { 200: TipDetailSchema, ...errorResponses(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (request) => markTried(deps, currentUser(request), request.params.tipId, request.body.note),
  );

  app.delete(
    '/api/tips/:tipId/try',
    {
      schema: {
        tags,
        security: bearerAuth,
        params: TipParams,
        response: { 200: TipDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => unmarkTried(app.db, currentUser(request), request.params.tipId),
  );

  app.get(
    '/api/tips/:tipId/tries',
    {
      schema: {
        tags,
        summary: "Members' notes of 我试过了, newest first",
        security: bearerAuth,
        params: TipParams,
        response: { 200: Type.Array(TipNoteSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => tipNotes(app.db, currentUser(request), request.params.tipId),
  );
};

export default tipRoutes;
