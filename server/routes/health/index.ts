import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { HealthView, LiveView, ReadyView } from '../../../src/domain/contract/health';
import { AppError } from '../../app-error';
import { errorResponses } from '../route-schema';

const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const checkDatabase = async (log: FastifyBaseLogger, probe: string) => {
    try {
      await app.db.execute(sql`select 1`);
    } catch (err) {
      log.error({ err }, `${probe}: database query failed`);
      throw new AppError('SERVICE_UNAVAILABLE', 503);
    }
  };

  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        response: {
          200: HealthView,
          ...errorResponses(503),
        },
      },
    },
    async (request) => {
      await checkDatabase(request.log, 'health check');
      return { status: 'ok' as const, database: 'up' as const };
    },
  );

  // No database: a restart would not bring a lost database back, so liveness must not depend on it.
  app.get(
    '/api/live',
    { config: { public: true }, schema: { tags: ['health'], response: { 200: LiveView } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/api/ready',
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        response: {
          200: ReadyView,
          ...errorResponses(503),
        },
      },
    },
    async (request) => {
      if (app.isDraining()) throw new AppError('SERVICE_UNAVAILABLE', 503);
      await checkDatabase(request.log, 'readiness check');
      return { status: 'ready' as const };
    },
  );
};

export default healthRoutes;
