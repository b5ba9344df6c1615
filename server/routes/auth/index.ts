import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AuthResult, DevLoginBody, DevUserView, WechatLoginBody } from '../../../src/domain/contract/auth';
import { AppError } from '../../app-error';
import { type Config, isDevLoginAllowed } from '../../config';
import { listDevUserViews, loginAsDevUser, loginWithWechat, logout } from '../../modules/auth/auth-service';
import { errorResponses } from '../route-schema';

const authRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  const requireDevLogin = async () => {
    if (!isDevLoginAllowed(config)) throw new AppError('DEV_LOGIN_DISABLED', 403);
  };

  app.post(
    '/api/auth/wechat',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Log in with the code from wx.login',
        body: WechatLoginBody,
        response: { 200: AuthResult, ...errorResponses(400, 401, 503) },
      },
    },
    async (request) => loginWithWechat(app.db, config, request.body.code),
  );

  app.post(
    '/api/auth/dev',
    {
      config: { public: true },
      onRequest: requireDevLogin,
      schema: {
        tags: ['auth'],
        summary: 'Dev only: log in as a user picked by nickname (created if new)',
        body: DevLoginBody,
        response: { 200: AuthResult, ...errorResponses(400, 403) },
      },
    },
    async (request) => loginAsDevUser(app.db, config, request.body.name),
  );

  app.get(
    '/api/auth/dev/users',
    {
      config: { public: true },
      onRequest: requireDevLogin,
      schema: {
        tags: ['auth'],
        summary: 'Dev only: the users the H5 login screen offers',
        response: {
          200: Type.Array(DevUserView),
          ...errorResponses(403),
        },
      },
    },
    async () => listDevUserViews(app.db),
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        response: { 204: Type.Null(), ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      await logout(app.db, request.loginToken!);
      return reply.status(204).send(null);
    },
  );
};

export default authRoutes;
