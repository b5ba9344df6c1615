import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CommunityParams } from '../../../src/domain/contract/common';
import {
  CreateSeriesBody,
  EditFollowingBody,
  SeriesParams,
  SeriesSignUpResult,
  SeriesView,
  SessionParams,
  SessionView,
  SignUpBody,
} from '../../../src/domain/contract/sessions';
import {
  cancelFollowing,
  createSeries,
  editFollowing,
  signUpForSeries,
} from '../../modules/sessions/series-service';
import type { SessionDeps } from '../../modules/sessions/session-service';
import { currentUser } from '../../plugins/authenticate';
import { errorResponses } from '../route-schema';

const tags = ['sessions'];

/** Weekly or two-weekly series: made at once, signed up for at once, edited or cancelled from a date on. */
const seriesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps: SessionDeps = { db: app.db, textChecker: app.textChecker };

  app.post(
    '/api/communities/:communityId/session-series',
    {
      schema: {
        tags,
        summary:
          'Team (owner, admin, secretary): schedule a weekly or two-weekly series, each date a session',
        params: CommunityParams,
        body: CreateSeriesBody,
        response: { 201: SeriesView, ...errorResponses(400, 401, 403, 404, 422, 503) },
      },
    },
    async (request, reply) => {
      const series = await createSeries(
        deps,
        currentUser(request),
        request.params.communityId,
        request.body,
        app.now(),
      );
      return reply.status(201).send(series);
    },
  );

  app.post(
    '/api/session-series/:seriesId/signups',
    {
      // Each date's sign-up waits in that date's line (signup-line.ts), like a single sign-up.
      schema: {
        tags,
        summary: '报名全部: sign up for every upcoming date; each date answers for itself',
        params: SeriesParams,
        body: SignUpBody,
        response: { 200: SeriesSignUpResult, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      signUpForSeries(
        app.db,
        currentUser(request),
        request.params.seriesId,
        { guests: request.body.guests ?? 0, minGuests: request.body.minGuests ?? null },
        app.now(),
      ),
  );

  app.patch(
    '/api/sessions/:sessionId/following',
    {
      schema: {
        tags,
        summary: 'Host or team: edit this date and every later date of its series',
        params: SessionParams,
        body: EditFollowingBody,
        response: { 200: SessionView, ...errorResponses(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (request) =>
      editFollowing(deps, currentUser(request), request.params.sessionId, request.body, app.now()),
  );

  app.post(
    '/api/sessions/:sessionId/cancel-following',
    {
      schema: {
        tags,
        summary:
          'Host or team: cancel this date and every later date of its series not yet started; their people are told',
        params: SessionParams,
        response: { 200: SessionView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => cancelFollowing(app.db, currentUser(request), request.params.sessionId, app.now()),
  );
};

export default seriesRoutes;
