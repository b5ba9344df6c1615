import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config';
import { localTextChecker } from '../modules/content-security/local-text-checker';
import type { TextChecker } from '../modules/content-security/text-checker';
import { createWechatTextChecker } from '../modules/content-security/wechat-text-checker';
import { createPictureChecker, type PictureChecker } from '../modules/uploads/picture-checker';

declare module 'fastify' {
  interface FastifyInstance {
    textChecker: TextChecker;
    pictureChecker: PictureChecker;
  }
}

async function contentSecurity(app: FastifyInstance, { config }: { config: Config }) {
  app.decorate(
    'textChecker',
    config.contentCheck === 'wechat' ? createWechatTextChecker(app.db, config) : localTextChecker,
  );
  app.decorate('pictureChecker', createPictureChecker(app.db, config));
}

export default fp(contentSecurity, { name: 'content-security', dependencies: ['database'] });
