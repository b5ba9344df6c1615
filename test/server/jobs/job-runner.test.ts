import type { Database } from '../../../server/db/database';
import type { BackgroundJob } from '../../../server/jobs/background-job';
import { startJobRunner } from '../../../server/jobs/job-runner';

const db = {} as Database;
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function silentLog() {
  const errors: Array<{ object: object; message: string }> = [];
  return { errors, error: (object: object, message: string) => void errors.push({ object, message }) };
}

/** A job whose runs answer from a script: a number handled, or an error to throw. */
function scriptedJob(script: Array<number | Error>, idleIntervalMs: number) {
  const runs: number[] = [];
  const job: BackgroundJob = {
    name: 'scripted',
    idleIntervalMs,
    async runOnce() {
      runs.push(Date.now());
      const next = script.shift() ?? 0;
      if (next instanceof Error) throw next;
      return next;
    },
  };
  return { job, runs };
}

describe('job runner', () => {
  it('runs again at once while there is work, then waits the idle interval', async () => {
    const { job, runs } = scriptedJob([5, 5, 5, 0], 10_000);
    const runner = startJobRunner(db, [job], { log: silentLog() });
    await tick(100);
    await runner.stop();
    // Three busy runs drained back to back, then one idle run; the idle wait stopped early.
    expect(runs).toHaveLength(4);
  });

  it('hands the clock to runOnce', async () => {
    const seen: Date[] = [];
    const fixed = new Date('2026-11-28T07:00:00Z');
    const job: BackgroundJob = {
      name: 'clock',
      idleIntervalMs: 10_000,
      runOnce: async (_db, now) => {
        seen.push(now);
        return 0;
      },
    };
    const runner = startJobRunner(db, [job], { log: silentLog(), now: () => fixed });
    await tick(20);
    await runner.stop();
    expect(seen).toEqual([fixed]);
  });

  it('logs an error and backs off longer after each failure in a row, then recovers', async () => {
    const { job, runs } = scriptedJob([new Error('database away'), new Error('database away'), 1, 0], 20);
    const log = silentLog();
    const runner = startJobRunner(db, [job], { log, maxBackoffMs: 1000 });
    // The four scripted runs take about 120 ms; a loaded machine may need longer.
    for (let waited = 0; runs.length < 4 && waited < 5000; waited += 20) await tick(20);
    await runner.stop();
    expect(log.errors).toHaveLength(2);
    expect(log.errors[0]?.object).toMatchObject({ job: 'scripted', failures: 1 });
    expect(log.errors[1]?.object).toMatchObject({ failures: 2 });
    // Waits of 40 ms then 80 ms (20 × 2^failures), then the busy run is followed at once by the next.
    expect(runs[1]! - runs[0]!).toBeGreaterThanOrEqual(35);
    expect(runs[2]! - runs[1]!).toBeGreaterThanOrEqual(75);
    expect(runs[3]! - runs[2]!).toBeLessThan(30);
  });

  it('stop() waits for a run in flight to finish and starts no new one', async () => {
    let finished = false;
    let runsStarted = 0;
    const job: BackgroundJob = {
      name: 'slow',
      idleIntervalMs: 0,
      runOnce: async () => {
        runsStarted += 1;
        await tick(150);
        finished = true;
        return 1;
      },
    };
    const runner = startJobRunner(db, [job], { log: silentLog() });
    await tick(20);
    await runner.stop();
    expect(finished).toBe(true);
    expect(runsStarted).toBe(1);
  });

  it('runs every job in its own loop: a failing job does not hold up the others', async () => {
    const failing: BackgroundJob = {
      name: 'failing',
      idleIntervalMs: 50,
      runOnce: async () => Promise.reject(new Error('x')),
    };
    const { job, runs } = scriptedJob([1, 1, 0], 10_000);
    const runner = startJobRunner(db, [failing, job], { log: silentLog() });
    await tick(60);
    await runner.stop();
    expect(runs).toHaveLength(3);
  });
});
