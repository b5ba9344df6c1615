import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config';
import { localTextChecker } from '../modules/content-security/local-text-checker';
import type { TextChecker } from '../modules/content-security/text-checker';
import { createWechatTextChecker } from '../modules/content-security/wechat-text-checker';

declare module 'fastify' {
  interface FastifyInstance {
    textChecker: TextChecker;
  }
}

async function contentSecurity(app: FastifyInstance, { config }: { config: Config }) {
  app.decorate(
    'textChecker',
    config.contentCheck === 'wechat' ? createWechatTextChecker(app.db, config) : localTextChecker,
  );
}

export default fp(contentSecurity, { name: 'content-security', dependencies: ['database'] });
