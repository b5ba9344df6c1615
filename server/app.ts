import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Config } from './config';
import type { Database } from './db/database';
import authenticate from './plugins/authenticate';
import contentSecurity from './plugins/content-security';
import database from './plugins/database';
import errorHandler from './plugins/error-handler';
import h5Static from './plugins/h5-static';
import swagger from './plugins/swagger';
import trimBody from './plugins/trim-body';
import authRoutes from './routes/auth';
import communityRoutes from './routes/communities';
import memberRoutes from './routes/communities/members';
import healthRoutes from './routes/health';
import meRoutes from './routes/me';
import { ErrorBody } from './routes/shared-schemas';

export interface AppOptions {
  db: Database;
  config: Config;
  logger?: FastifyServerOptions['logger'];
}

/** Builds the whole app without listening: server.ts listens, tests use `app.inject`. */
export async function buildApp({ db, config, logger = false }: AppOptions) {
  const app = Fastify({
    logger,
    bodyLimit: 64 * 1024,
    ajv: {
      // Refuse what does not fit rather than quietly fixing it: extra fields and wrong types are errors.
      customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addSchema(ErrorBody);
  await app.register(database, { db });
  await app.register(errorHandler);
  await app.register(swagger);
  await app.register(trimBody);
  await app.register(authenticate);
  await app.register(contentSecurity, { config });
  if (config.serveH5Dir) await app.register(h5Static, { root: config.serveH5Dir });

  await app.register(healthRoutes);
  await app.register(authRoutes, { config });
  await app.register(meRoutes);
  await app.register(communityRoutes);
  await app.register(memberRoutes);

  await app.ready();
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
