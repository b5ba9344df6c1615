import { buildApp } from './app';
import { ConfigError, parseConfig } from './config';
import { serveBackups } from './db/backup';
import { DataDirBusyError } from './db/data-dir-lock';
import { openDatabase } from './db/open-database';
import { isDatabaseEmpty, keepDemoCurrent, seedDemoCommunity } from './db/seed';
import { DatabaseUnreachableError, waitForDatabase } from './db/wait-for-database';
import { createBackgroundJobs } from './jobs';
import { type JobRunner, startJobRunner } from './jobs/job-runner';
import { startReadCaches } from './read-caches/start-read-caches';

async function start() {
  const config = parseConfig(process.env);
  const handle = await openDatabase(config);
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let jobRunner: JobRunner | undefined;
  // Reads sign in, and the feed answers, from this instance's caches while the database tells it of every change.
  const readCaches = startReadCaches(handle.listenForChanges);
  let stopServingBackups: (() => Promise<void>) | undefined;
  const shutdown = async (signal: string) => {
    app?.log.info(`${signal}: shutting down`);
    try {
      // /api/ready answers 503 from now on; the load balancer stops sending before the port closes.
      app?.startDraining();
      if (app && config.shutdownDrainMs > 0)
        await new Promise((resolve) => setTimeout(resolve, config.shutdownDrainMs));
      await stopServingBackups?.();
      await jobRunner?.stop();
      await app?.close();
      await readCaches.close();
    } finally {
      await handle.close();
    }
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  try {
    if (config.databaseUrl) {
      await waitForDatabase(handle, config.databaseUrl, { retrySeconds: config.databaseConnectRetrySeconds });
    }
    await handle.migrate();
    if (config.seedDemo) {
      if (await isDatabaseEmpty(handle.db)) await seedDemoCommunity(handle.db);
      await keepDemoCurrent(handle.db);
    }
    app = await buildApp({
      db: handle.db,
      config,
      logger: { level: config.logLevel },
      poolUse: handle.poolUse,
      readCaches: readCaches.caches,
    });
    const address = await app.listen({ port: config.port, host: config.host });
    const where = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
    console.log(`群友圈 API listening on ${address} (${where})`);
    if (config.serveH5Dir)
      console.log(`打开 ${address} 即可使用 H5 版本${config.enableDevLogin ? '（开发登录已开启）' : ''}`);
    if (config.backgroundJobs) {
      const log = app.log.child({ component: 'jobs' });
      jobRunner = startJobRunner(handle.db, createBackgroundJobs({ config, log }), { log, now: app.now });
    }
    // `npm run backup` asks the running server through this socket: the folder is locked while it runs.
    if (handle.backup) {
      try {
        stopServingBackups = await serveBackups(handle.backup, config.dataDir);
      } catch (error) {
        // A socket path has a length limit: a very deep DATA_DIR must not keep the server from starting.
        app.log.warn({ err: error }, 'backups of the running server unavailable: stop it to back up');
      }
    }
  } catch (error) {
    await stopServingBackups?.();
    await app?.close();
    await readCaches.close();
    await handle.close();
    throw error;
  }
}

start().catch((error) => {
  const forThePerson =
    error instanceof ConfigError ||
    error instanceof DataDirBusyError ||
    error instanceof DatabaseUnreachableError;
  console.error(forThePerson ? error.message : error);
  process.exit(1);
});
