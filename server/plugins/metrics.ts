import { createHash, timingSafeEqual } from 'node:crypto';
import * as promClient from '@platformatic/prom-client';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyMetrics, { type IMetricsPluginOptions } from 'fastify-metrics';
import fp from 'fastify-plugin';
import { AppError } from '../app-error';
import type { Config } from '../config';
import type { PoolUse } from '../db/database';
import { createBackgroundJobs } from '../jobs';

export interface MetricsOptions {
  config: Config;
  token: string;
  poolUse?: () => PoolUse;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * `GET /metrics` in Prometheus text for a scraper holding the token: request latency by route
 * pattern (a route's `:id` never becomes a label of its own) and status class, the process's own
 * metrics, and gauges read at scrape time (database up, pool use, each job's due work). Outside
 * /api: no contract, no OpenAPI entry, not for the mini program.
 */
async function metrics(app: FastifyInstance, { config, token, poolUse }: MetricsOptions) {
  const expected = digest(`Bearer ${token}`);
  const authorizeScraper = async (request: FastifyRequest) => {
    const given = digest(request.headers.authorization ?? '');
    if (!timingSafeEqual(given, expected)) throw new AppError('UNAUTHENTICATED', 401);
  };

  // Registered below, once fastify-metrics has made the registry afresh.
  const registers: promClient.Registry[] = [];
  const databaseUp = new promClient.Gauge({
    registers,
    name: 'qunyou_database_up',
    help: '1 when the database answered the scrape, 0 when it did not (the job gauges are then left out)',
  });
  const jobDueItems = new promClient.Gauge({
    registers,
    name: 'qunyou_job_due_items',
    help: 'Items a background job should already have handled (notice-dispatcher: the outbox)',
    labelNames: ['job'],
  });
  const jobLagSeconds = new promClient.Gauge({
    registers,
    name: 'qunyou_job_lag_seconds',
    help: 'How long the oldest due item of a background job has waited (notice-dispatcher: outbox lag)',
    labelNames: ['job'],
  });
  const poolGauges = poolUse && {
    total: new promClient.Gauge({
      registers,
      name: 'qunyou_db_pool_connections',
      help: 'Open pool connections',
    }),
    idle: new promClient.Gauge({
      registers,
      name: 'qunyou_db_pool_idle_connections',
      help: 'Idle pool connections',
    }),
    waiting: new promClient.Gauge({
      registers,
      name: 'qunyou_db_pool_waiting_requests',
      help: 'Queries waiting for a free pool connection',
    }),
  };
  const jobsWithQueues = createBackgroundJobs({ config, log: app.log }).filter((job) => job.dueWork);

  // A scrape must answer whatever the database does: each reading that fails is left out.
  const readGauges = async (request: FastifyRequest) => {
    if (poolUse && poolGauges) {
      const use = poolUse();
      poolGauges.total.set(use.total);
      poolGauges.idle.set(use.idle);
      poolGauges.waiting.set(use.waiting);
    }
    jobDueItems.reset();
    jobLagSeconds.reset();
    try {
      await app.db.execute(sql`select 1`);
      databaseUp.set(1);
    } catch (err) {
      request.log.warn({ err }, 'metrics: database unreachable');
      databaseUp.set(0);
      return;
    }
    const now = app.now();
    for (const job of jobsWithQueues) {
      try {
        const due = await job.dueWork?.(app.db, now);
        if (!due) continue;
        jobDueItems.set({ job: job.name }, due.count);
        const waitedMs = due.oldestDueAt ? now.getTime() - due.oldestDueAt.getTime() : 0;
        jobLagSeconds.set({ job: job.name }, Math.max(waitedMs, 0) / 1000);
      } catch (err) {
        request.log.warn({ err, job: job.name }, 'metrics: due work not read');
      }
    }
  };

  await app.register(fastifyMetrics, {
    // Ours, not the copy fastify-metrics would look up at run time: the gauges above share its registry.
    promClient: promClient as unknown as IMetricsPluginOptions['promClient'],
    // One registry per process; a second app (tests) starts it afresh instead of clashing on names.
    clearRegisterOnInit: true,
    endpoint: {
      method: 'GET',
      url: '/metrics',
      logLevel: 'warn',
      exposeHeadRoute: false,
      schema: { hide: true },
      onRequest: authorizeScraper,
      preHandler: readGauges,
      handler: () => undefined,
    },
    routeMetrics: {
      enabled: { histogram: true, summary: false },
      groupStatusCodes: true,
      routeBlacklist: ['/metrics'],
    },
  });
  for (const gauge of [databaseUp, jobDueItems, jobLagSeconds, ...Object.values(poolGauges ?? {})]) {
    promClient.register.registerMetric(gauge);
  }
}

export default fp(metrics, { name: 'metrics', dependencies: ['database', 'error-handler'] });
