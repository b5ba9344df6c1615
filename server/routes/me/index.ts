import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { getMe } from '../../modules/communities/community-service';
import { currentUser } from '../../plugins/authenticate';
import { MyJoinRequestViewSchema } from '../joining/joining-schemas';
import { bearerAuth, DateTime, errorResponses, RoleSchema, UserViewSchema, Uuid } from '../shared-schemas';

const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/me',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['me'],
        security: bearerAuth,
        response: {
          200: Type.Object({
            user: UserViewSchema,
            memberships: Type.Array(
              Type.Object({
                communityId: Uuid,
                communityName: Type.String(),
                role: RoleSchema,
                joinedAt: DateTime,
                rulesConfirmed: Type.Boolean(),
              }),
            ),
            joinRequests: Type.Array(MyJoinRequestViewSchema),
          }),
          ...errorResponses(401),
        },
      },
    },
    async (request) => getMe(app.db, currentUser(request)),
  );
};

export default meRoutes;
