import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { communityLimits } from '../../../src/domain/community-rules';
import { AppError } from '../../app-error';
import { type Config, isDevLoginAllowed } from '../../config';
import { listDevUserViews, loginAsDevUser, loginWithWechat, logout } from '../../modules/auth/auth-service';
import {
  bearerAuth,
  DateTime,
  errorResponses,
  RoleSchema,
  singleLineText,
  UserViewSchema,
} from '../shared-schemas';

const AuthResultSchema = Type.Object({ token: Type.String(), expiresAt: DateTime, user: UserViewSchema });

const authRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  const requireDevLogin = async () => {
    if (!isDevLoginAllowed(config)) throw new AppError('DEV_LOGIN_DISABLED', 403);
  };

  app.post(
    '/api/auth/wechat',
    {
      schema: {
        tags: ['auth'],
        summary: 'Log in with the code from wx.login',
        body: Type.Object({ code: singleLineText(128) }, { additionalProperties: false }),
        response: { 200: AuthResultSchema, ...errorResponses(400, 401, 503) },
      },
    },
    async (request) => loginWithWechat(app.db, config, request.body.code),
  );

  app.post(
    '/api/auth/dev',
    {
      onRequest: requireDevLogin,
      schema: {
        tags: ['auth'],
        summary: 'Dev only: log in as a user picked by nickname (created if new)',
        body: Type.Object({ name: singleLineText(communityLimits.nameMax) }, { additionalProperties: false }),
        response: { 200: AuthResultSchema, ...errorResponses(400, 403) },
      },
    },
    async (request) => loginAsDevUser(app.db, config, request.body.name),
  );

  app.get(
    '/api/auth/dev/users',
    {
      onRequest: requireDevLogin,
      schema: {
        tags: ['auth'],
        summary: 'Dev only: the users the H5 login screen offers',
        response: {
          200: Type.Array(
            Type.Object({
              nickname: Type.String(),
              role: Type.Union([RoleSchema, Type.Null()]),
              communityName: Type.Union([Type.String(), Type.Null()]),
            }),
          ),
          ...errorResponses(403),
        },
      },
    },
    async () => listDevUserViews(app.db),
  );

  app.post(
    '/api/auth/logout',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['auth'],
        security: bearerAuth,
        response: { 204: Type.Null(), ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      await logout(app.db, request.sessionToken!);
      return reply.status(204).send(null);
    },
  );
};

export default authRoutes;
