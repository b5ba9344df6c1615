import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ClientConfigView,
  InboxPage,
  InboxQuery,
  MessageParams,
  ReadAllQuery,
  SubscriptionsBody,
  SubscriptionsResult,
  UnreadCountView,
} from '../../../src/domain/contract/notifications';
import type { Config } from '../../config';
import { getUnreadCount, listInbox, markAllRead, markRead } from '../../modules/notifications/inbox-service';
import { recordSubscriptions } from '../../modules/notifications/subscription-service';
import { currentUser } from '../../plugins/authenticate';
import { errorResponses } from '../route-schema';

const notificationRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  app.get(
    '/api/config/client',
    {
      config: { public: true },
      schema: {
        tags: ['notifications'],
        summary: 'Settings the mini program needs: the subscribe-message template ids to ask consent for',
        response: { 200: ClientConfigView },
      },
    },
    async () => ({ subscribeTemplates: config.subscribeTemplates }),
  );

  app.post(
    '/api/me/subscriptions',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Record the subscribe-message templates the member accepted (one send each)',
        body: SubscriptionsBody,
        response: { 200: SubscriptionsResult, ...errorResponses(400, 401) },
      },
    },
    async (request) => recordSubscriptions(app.db, currentUser(request), request.body.accepted, app.now()),
  );

  app.get(
    '/api/me/inbox',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My messages, newest first, of all my communities or of one',
        querystring: InboxQuery,
        response: { 200: InboxPage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listInbox(app.db, currentUser(request), request.query),
  );

  app.get(
    '/api/me/inbox/unread-count',
    {
      schema: {
        tags: ['notifications'],
        response: { 200: UnreadCountView, ...errorResponses(401) },
      },
    },
    async (request) => getUnreadCount(app.db, currentUser(request)),
  );

  app.post(
    '/api/me/inbox/:messageId/read',
    {
      schema: {
        tags: ['notifications'],
        params: MessageParams,
        response: { 200: UnreadCountView, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => markRead(app.db, currentUser(request), request.params.messageId, app.now()),
  );

  app.post(
    '/api/me/inbox/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark all my messages read (of one community with ?communityId=)',
        querystring: ReadAllQuery,
        response: { 200: UnreadCountView, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => markAllRead(app.db, currentUser(request), request.query.communityId, app.now()),
  );
};

export default notificationRoutes;
