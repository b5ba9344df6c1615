import type { Database } from '../db/database';
import type { BackgroundJob } from './background-job';

export interface JobRunnerLog {
  error(object: object, message: string): void;
}

export interface JobRunnerOptions {
  log: JobRunnerLog;
  /** The clock handed to `runOnce`; tests replace it. */
  now?: () => Date;
  /** Longest wait after repeated failures. */
  maxBackoffMs?: number;
  /** Calls `wake` after `ms` and returns how to cancel; tests hand in timers they fire themselves. */
  setTimer?: (wake: () => void, ms: number) => () => void;
}

function realTimer(wake: () => void, ms: number): () => void {
  const timer = setTimeout(wake, ms);
  return () => clearTimeout(timer);
}

export interface JobRunner {
  /** Resolves once every loop has finished its current run (in-flight work is never cut off). */
  stop(): Promise<void>;
}

/**
 * Runs every job in its own loop: after a run that handled items, again at once (drain the
 * backlog); after an idle run, wait `idleIntervalMs`; after an error, log it and wait longer each
 * time it fails again in a row (capped), so a database outage is not hammered.
 */
export function startJobRunner(db: Database, jobs: BackgroundJob[], options: JobRunnerOptions): JobRunner {
  const now = options.now ?? (() => new Date());
  const maxBackoffMs = options.maxBackoffMs ?? 60_000;
  const setTimer = options.setTimer ?? realTimer;
  let stopped = false;
  const wakers = new Set<() => void>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopped) return resolve();
      const wake = () => {
        cancel();
        wakers.delete(wake);
        resolve();
      };
      const cancel = setTimer(wake, ms);
      wakers.add(wake);
    });

  const loop = async (job: BackgroundJob) => {
    let failures = 0;
    while (!stopped) {
      try {
        const handled = await job.runOnce(db, now());
        failures = 0;
        if (handled === 0) await sleep(job.idleIntervalMs);
      } catch (error) {
        failures += 1;
        options.log.error({ err: error, job: job.name, failures }, `background job ${job.name} failed`);
        await sleep(Math.min(job.idleIntervalMs * 2 ** failures, Math.max(maxBackoffMs, job.idleIntervalMs)));
      }
    }
  };

  const loops = jobs.map(loop);
  return {
    async stop() {
      stopped = true;
      for (const wake of [...wakers]) wake();
      await Promise.all(loops);
    },
  };
}
