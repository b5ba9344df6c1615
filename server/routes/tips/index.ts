import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CommunityParams, TipParams } from '../../../src/domain/contract/common';
import {
  CreateTipBody,
  DeclineTipBody,
  EditTipBody,
  FeedQuery,
  ManagedTipsQuery,
  MyTipsQuery,
  PublishTipBody,
  SearchTipsQuery,
  TipCardView,
  TipDetailView,
  TipNoteView,
  TipPage,
  TipTagsView,
  TryTipBody,
} from '../../../src/domain/contract/tips';
import type { FeedCache } from '../../modules/tips/feed-cache';
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
import { searchTips } from '../../modules/tips/tip-search-service';
import { currentUser } from '../../plugins/authenticate';
import { errorResponses } from '../route-schema';

const tags = ['tips'];

const tipRoutes: FastifyPluginAsyncTypebox<{ feedCache?: FeedCache }> = async (app, { feedCache }) => {
  const deps: TipDeps = { db: app.db, textChecker: app.textChecker, now: app.now };

  app.post(
    '/api/communities/:communityId/tips',
    {
      schema: {
        tags,
        summary: 'Team: publish, schedule (publishAt) or save a draft. Member: suggest a tip for review',
        params: CommunityParams,
        body: CreateTipBody,
        response: { 201: TipDetailView, ...errorResponses(400, 401, 403, 404, 422, 503) },
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
        params: CommunityParams,
        querystring: FeedQuery,
        response: { 200: TipPage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      getFeed(
        app.db,
        currentUser(request),
        request.params.communityId,
        request.query,
        request.communityStanding,
        feedCache,
      ),
  );

  app.get(
    '/api/communities/:communityId/tips/search',
    {
      schema: {
        tags,
        summary:
          'Published tips with every word of q in title, steps or body: title matches first, then by rank',
        params: CommunityParams,
        querystring: SearchTipsQuery,
        response: { 200: TipPage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      searchTips(
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
        params: CommunityParams,
        response: { 200: TipTagsView, ...errorResponses(400, 401, 403, 404) },
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
        params: CommunityParams,
        querystring: ManagedTipsQuery,
        response: { 200: Type.Array(TipCardView), ...errorResponses(400, 401, 403, 404) },
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
        params: CommunityParams,
        querystring: MyTipsQuery,
        response: { 200: TipPage, ...errorResponses(400, 401, 403, 404) },
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
        params: TipParams,
        response: { 200: TipDetailView, ...errorResponses(400, 401, 403, 404) },
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
        params: TipParams,
        body: EditTipBody,
        response: { 200: TipDetailView, ...errorResponses(400, 401, 403, 404, 409, 422, 503) },
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
        params: TipParams,
        body: PublishTipBody,
        response: { 200: TipDetailView, ...errorResponses(400, 401, 403, 404, 409) },
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
        params: TipParams,
        response: { 200: TipDetailView, ...errorResponses(400, 401, 403, 404, 409) },
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
        params: TipParams,
        body: DeclineTipBody,
        response: { 200: TipDetailView, ...errorResponses(400, 401, 403, 404, 409, 422, 503) },
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
          params: TipParams,
          response: { 200: TipDetailView, ...errorResponses(400, 401, 403, 404, 409) },
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
        params: TipParams,
        body: TryTipBody,
        response: { 200: TipDetailView, ...errorResponses(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (request) => markTried(deps, currentUser(request), request.params.tipId, request.body.note),
  );

  app.delete(
    '/api/tips/:tipId/try',
    {
      schema: {
        tags,
        params: TipParams,
        response: { 200: TipDetailView, ...errorResponses(400, 401, 403, 404, 409) },
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
        params: TipParams,
        response: { 200: Type.Array(TipNoteView), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => tipNotes(app.db, currentUser(request), request.params.tipId),
  );
};

export default tipRoutes;
