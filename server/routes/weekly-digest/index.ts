import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CommunityParams } from '../../../src/domain/contract/common';
import {
  DigestIntroBody,
  LatestWeeklyDigestView,
  WeeklyDigestParams,
  WeeklyDigestReadView,
  WeeklyDigestView,
} from '../../../src/domain/contract/weekly-digest';
import {
  type DigestDeps,
  editDigestIntro,
  getWeeklyDigest,
  latestWeeklyDigest,
  shareWeeklyDigest,
} from '../../modules/weekly-digest/digest-service';
import { currentUser } from '../../plugins/authenticate';
import { errorResponses } from '../route-schema';

const tags = ['weekly-digest'];

const weeklyDigestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps: DigestDeps = { db: app.db, textChecker: app.textChecker };

  app.get(
    '/api/communities/:communityId/weekly-digests/latest',
    {
      schema: {
        tags,
        summary: 'The newest 本周群周报 shared into the group, this week or last (null when none)',
        params: CommunityParams,
        response: { 200: LatestWeeklyDigestView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      latestWeeklyDigest(
        app.db,
        currentUser(request),
        request.params.communityId,
        app.now(),
        request.communityStanding,
      ),
  );

  app.get(
    '/api/communities/:communityId/weekly-digests/:weekStart',
    {
      schema: {
        tags,
        summary:
          'A week’s digest (weekStart: its Monday). Team: any week begun (a preview). Member: once shared. No digest, and why, for an empty week or one not shared yet',
        params: WeeklyDigestParams,
        response: { 200: WeeklyDigestReadView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      getWeeklyDigest(
        app.db,
        currentUser(request),
        request.params.communityId,
        request.params.weekStart,
        app.now(),
        request.communityStanding,
      ),
  );

  app.put(
    '/api/communities/:communityId/weekly-digests/:weekStart/intro',
    {
      schema: {
        tags,
        summary: 'Team: the intro line of this week’s (or last week’s) digest; empty puts the default back',
        params: WeeklyDigestParams,
        body: DigestIntroBody,
        response: { 200: WeeklyDigestView, ...errorResponses(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (request) =>
      editDigestIntro(
        deps,
        currentUser(request),
        request.params.communityId,
        request.params.weekStart,
        request.body.intro,
      ),
  );

  app.post(
    '/api/communities/:communityId/weekly-digests/:weekStart/share',
    {
      schema: {
        tags,
        summary:
          'Team: the digest was shared into the group; the first share opens it to members and tells them in 消息',
        params: WeeklyDigestParams,
        body: Type.Object({}, { additionalProperties: false }),
        response: { 200: WeeklyDigestView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      shareWeeklyDigest(deps, currentUser(request), request.params.communityId, request.params.weekStart),
  );
};

export default weeklyDigestRoutes;
