import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { ErrorBody } from '../src/domain/contract/common';
import { type Clock, realClock } from './clock';
import type { Config } from './config';
import type { Database, PoolUse } from './db/database';
import { defaultPoolSize } from './db/open-database';
import authenticate from './plugins/authenticate';
import cleanInput from './plugins/clean-input';
import compression from './plugins/compression';
import contentSecurity from './plugins/content-security';
import database from './plugins/database';
import errorHandler, { answerFrameworkError } from './plugins/error-handler';
import h5Static from './plugins/h5-static';
import hotRowQueue from './plugins/hot-row-queue';
import { inputKeywords } from './plugins/input-keywords';
import metrics from './plugins/metrics';
import pictureVisibility from './plugins/picture-visibility';
import rateLimit from './plugins/rate-limit';
import readCachesPlugin from './plugins/read-caches';
import readiness from './plugins/readiness';
import securityHeaders from './plugins/security-headers';
import signedInByDefault from './plugins/signed-in-by-default';
import swagger from './plugins/swagger';
import writeAdmission from './plugins/write-admission';
import type { ReadCaches } from './read-caches/start-read-caches';
import accountRoutes from './routes/account';
import authRoutes from './routes/auth';
import communityRoutes from './routes/communities';
import memberRoutes from './routes/communities/members';
import dashboardRoutes from './routes/dashboard';
import exportRoutes from './routes/exports';
import healthRoutes from './routes/health';
import joiningRoutes from './routes/joining';
import meRoutes from './routes/me';
import moderationRoutes from './routes/moderation';
import notificationRoutes from './routes/notifications';
import profileRoutes from './routes/profiles';
import promotionRoutes from './routes/promotions';
import sessionRoutes from './routes/sessions';
import tagRoutes from './routes/tags';
import tipRoutes from './routes/tips';
import uploadRoutes from './routes/uploads';
import wechatPushRoutes from './routes/wechat';
import weeklyDigestRoutes from './routes/weekly-digest';

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's clock: real by default, moved by tests. Routes hand its time to services. */
    now: Clock;
  }
}

export interface AppOptions {
  db: Database;
  config: Config;
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
  /** The PostgreSQL pool's use, for the metrics (PGlite has no pool). */
  poolUse?: () => PoolUse;
  /** Fed by PostgreSQL's notices (`startReadCaches`): reads then sign in, and the feed answers, without a query. */
  readCaches?: ReadCaches;
}

/** Writes being identified and counted take at most this many of the pool's connections; reads keep the rest. */
const writesAdmittedAtOnce = defaultPoolSize - 4;

/** Builds the whole app without listening: server.ts listens, tests use `app.inject`. */
export async function buildApp({
  db,
  config,
  clock = realClock,
  logger = false,
  poolUse,
  readCaches,
}: AppOptions) {
  const app = Fastify({
    logger,
    bodyLimit: 64 * 1024,
    frameworkErrors: answerFrameworkError,
    trustProxy: config.trustProxy,
    ajv: {
      // Refuse what does not fit rather than quietly fixing it: extra fields and wrong types are errors.
      customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true },
      // The text and time rules of src/domain as schema keywords (x-text, x-user-time).
      plugins: [inputKeywords({ now: clock })],
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('now', clock);
  app.addSchema(ErrorBody);
  await app.register(database, { db });
  await app.register(errorHandler);
  await app.register(compression);
  // Before every other route: fastify-metrics learns the routes to time as they are added.
  if (config.metricsToken) await app.register(metrics, { config, token: config.metricsToken, poolUse });
  await app.register(readiness);
  await app.register(swagger);
  await app.register(cleanInput);
  // Past this, a request waiting its turn (to be admitted, or on a hot row) is answered 503: the database is too slow.
  const turnWaitLimitMs = 6 * config.databaseTimeouts.statementMs;
  await app.register(writeAdmission, { atOnce: writesAdmittedAtOnce, waitLimitMs: turnWaitLimitMs });
  await app.register(authenticate, { loginCache: readCaches?.login ?? null });
  if (readCaches) await app.register(readCachesPlugin, { caches: readCaches });
  await app.register(rateLimit, { limits: config.rateLimits });
  await app.register(hotRowQueue, { waitLimitMs: turnWaitLimitMs });
  await app.register(securityHeaders);
  await app.register(contentSecurity, { config });
  await app.register(pictureVisibility);
  if (config.serveH5Dir) await app.register(h5Static, { root: config.serveH5Dir });

  await app.register(async (api) => {
    // Every route below needs a signed-in caller unless it says `config: { public: true }`.
    await api.register(signedInByDefault);
    await api.register(healthRoutes);
    await api.register(authRoutes, { config });
    await api.register(meRoutes);
    await api.register(accountRoutes);
    await api.register(notificationRoutes, { config });
    await api.register(communityRoutes);
    await api.register(joiningRoutes, { config });
    await api.register(memberRoutes);
    await api.register(profileRoutes);
    await api.register(tagRoutes);
    await api.register(tipRoutes, { feedCache: readCaches?.feed });
    await api.register(uploadRoutes, { config });
    await api.register(wechatPushRoutes, { config });
    await api.register(promotionRoutes);
    await api.register(sessionRoutes, { config });
    await api.register(dashboardRoutes);
    await api.register(weeklyDigestRoutes);
    await api.register(exportRoutes);
    await api.register(moderationRoutes);
  });

  await app.ready();
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
