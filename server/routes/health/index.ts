import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'drizzle-orm';
import { HealthView } from '../../../src/domain/contract/health';
import { AppError } from '../../app-error';
import { errorResponses } from '../route-schema';

const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
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
      try {
        await app.db.execute(sql`select 1`);
      } catch (err) {
        request.log.error({ err }, 'health check: database query failed');
        throw new AppError('SERVICE_UNAVAILABLE', 503);
      }
      return { status: 'ok' as const, database: 'up' as const };
    },
  );
};

export default healthRoutes;
