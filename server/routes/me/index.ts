import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MeView } from '../../../src/domain/contract/me';
import { getMe } from '../../modules/me/me-service';
import { currentUser } from '../../plugins/authenticate';
import { errorResponses } from '../route-schema';

const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/me',
    {
      schema: {
        tags: ['me'],
        response: {
          200: MeView,
          ...errorResponses(401),
        },
      },
    },
    async (request) => getMe(app.db, currentUser(request)),
  );
};

export default meRoutes;
