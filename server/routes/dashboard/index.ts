import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CommunityParams } from '../../../src/domain/contract/common';
import { DashboardView, WelcomeDigestQuery, WelcomeDigestView } from '../../../src/domain/contract/dashboard';
import { getDashboard } from '../../modules/dashboard/dashboard-service';
import { getWelcomeDigest } from '../../modules/dashboard/welcome-digest-service';
import { currentUser } from '../../plugins/authenticate';
import { errorResponses } from '../route-schema';

const tags = ['dashboard'];

const dashboardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/communities/:communityId/dashboard',
    {
      schema: {
        tags,
        summary: 'Owner or admin: size, team, content, sessions, promotions and tags of the last 8 weeks',
        params: CommunityParams,
        response: { 200: DashboardView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getDashboard(app.db, currentUser(request), request.params.communityId, app.now()),
  );

  app.get(
    '/api/communities/:communityId/welcome-digest',
    {
      schema: {
        tags,
        summary: 'Team: the newcomers of today with their tags, and a welcome to copy into the group',
        params: CommunityParams,
        querystring: WelcomeDigestQuery,
        response: { 200: WelcomeDigestView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => getWelcomeDigest(app.db, currentUser(request), request.params.communityId, app.now()),
  );
};

export default dashboardRoutes;
