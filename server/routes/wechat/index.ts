import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { WechatPushEvent, WechatPushQuery } from '../../../src/domain/contract/wechat-push';
import { AppError } from '../../app-error';
import type { Config } from '../../config';
import {
  isPictureCheckSuggest,
  receivePictureCheckAnswer,
} from '../../modules/uploads/picture-check-answers';
import { isSignedPush } from '../../modules/wechat/push-signature';
import { errorResponses } from '../route-schema';

/**
 * WeChat's message push (消息推送), configured in the mini program's console with this address,
 * our `WECHAT_PUSH_TOKEN`, plain-text mode and JSON. Called by WeChat, not by a member: the
 * signature is its authorization, checked before anything else is read.
 */
const wechatPushRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  // JSON mode's body, whatever content type it is labelled with (application/json is parsed already).
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(null, body);
    }
  });

  const requireSignature = async (request: FastifyRequest) => {
    if (!isSignedPush(config.wechatPushToken, request.query)) {
      throw new AppError('WECHAT_PUSH_SIGNATURE_INVALID', 401);
    }
  };

  app.get(
    '/api/wechat/push',
    {
      config: { public: true },
      preValidation: requireSignature,
      schema: {
        tags: ['wechat'],
        summary:
          'The handshake WeChat makes when the push address is saved: answers echostr if signed with our token',
        querystring: WechatPushQuery,
        response: { 200: Type.String(), ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => reply.type('text/plain').send(request.query.echostr ?? ''),
  );

  app.post(
    '/api/wechat/push',
    {
      config: { public: true, signedByWechat: true },
      preValidation: requireSignature,
      schema: {
        tags: ['wechat'],
        summary:
          'Events pushed by WeChat (JSON): wxa_media_check brings the verdict on a picture; others are ignored',
        querystring: WechatPushQuery,
        body: WechatPushEvent,
        response: { 200: Type.String(), ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const event = request.body;
      if (event.Encrypt !== undefined) {
        throw new AppError('VALIDATION_FAILED', 400, { Encrypt: '请在小程序后台把消息推送设为明文模式' });
      }
      if (event.Event === 'wxa_media_check') {
        const suggest = event.result?.suggest;
        if (!event.trace_id || !isPictureCheckSuggest(suggest)) {
          throw new AppError('VALIDATION_FAILED', 400, {
            ...(event.trace_id ? {} : { trace_id: '必填' }),
            ...(isPictureCheckSuggest(suggest) ? {} : { 'result.suggest': '只能是 pass / risky / review' }),
          });
        }
        await receivePictureCheckAnswer(app.db, event.trace_id, suggest, app.now());
      }
      // WeChat stops retrying on "success".
      return reply.type('text/plain').send('success');
    },
  );
};

export default wechatPushRoutes;
