import type { Database } from '../../../server/db/database';
import type { BackgroundJob } from '../../../server/jobs/background-job';
import { startJobRunner } from '../../../server/jobs/job-runner';

/**
 * The runner with timers the test fires itself: what it asserts is the order and number of runs and
 * the waits the runner asks for, never how long anything took.
 */

const db = {} as Database;

function silentLog() {
  const errors: Array<{ object: object; message: string }> = [];
  return { errors, error: (object: object, message: string) => void errors.push({ object, message }) };
}

/** Timers that only go off when the test fires them; `waits` lists each wait asked for, in order. */
function manualTimers() {
  const pending: Array<{ ms: number; wake: () => void }> = [];
  const waits: number[] = [];
  return {
    waits,
    pending,
    setTimer(wake: () => void, ms: number) {
      const timer = { ms, wake };
      pending.push(timer);
      waits.push(ms);
      return () => {
        const index = pending.indexOf(timer);
        if (index >= 0) pending.splice(index, 1);
      };
    },
    /** Fires the oldest pending timer. */
    fire() {
      pending[0]!.wake();
    },
  };
}

/** Lets the runner's promises settle until `done` holds (no real time passes, only event-loop turns). */
async function until(done: () => boolean) {
  for (let turn = 0; turn < 10_000 && !done(); turn += 1)
    await new Promise((resolve) => setImmediate(resolve));
  expect(done()).toBe(true);
}

/** A job whose runs answer from a script: a number handled, or an error to throw. */
function scriptedJob(script: Array<number | Error>, idleIntervalMs: number) {
  const runs: number[] = [];
  const job: BackgroundJob = {
    name: 'scripted',
    idleIntervalMs,
    async runOnce() {
      const next = script.shift() ?? 0;
      runs.push(next instanceof Error ? -1 : next);
      if (next instanceof Error) throw next;
      return next;
    },
  };
  return { job, runs };
}

describe('job runner', () => {
  it('runs again at once while there is work, then waits the idle interval', async () => {
    const timers = manualTimers();
    const { job, runs } = scriptedJob([5, 5, 5, 0], 10_000);
    const runner = startJobRunner(db, [job], { log: silentLog(), setTimer: timers.setTimer });
    await until(() => timers.pending.length === 1);
    // Three busy runs back to back, then one idle run, and only then a wait: the idle interval.
    expect(runs).toEqual([5, 5, 5, 0]);
    expect(timers.waits).toEqual([10_000]);
    await runner.stop();
    expect(timers.pending).toEqual([]);
  });

  it('hands the clock to runOnce', async () => {
    const timers = manualTimers();
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
    const runner = startJobRunner(db, [job], {
      log: silentLog(),
      now: () => fixed,
      setTimer: timers.setTimer,
    });
    await until(() => timers.pending.length === 1);
    await runner.stop();
    expect(seen).toEqual([fixed]);
  });

  it('logs an error and backs off longer after each failure in a row, then recovers', async () => {
    const timers = manualTimers();
    const { job, runs } = scriptedJob([new Error('database away'), new Error('database away'), 1, 0], 20);
    const log = silentLog();
    const runner = startJobRunner(db, [job], { log, maxBackoffMs: 1000, setTimer: timers.setTimer });
    for (const runsBefore of [1, 2]) {
      await until(() => runs.length === runsBefore && timers.pending.length === 1);
      timers.fire();
    }
    await until(() => runs.length === 4 && timers.pending.length === 1);
    await runner.stop();
    expect(runs).toEqual([-1, -1, 1, 0]);
    expect(log.errors.map((entry) => entry.object)).toEqual([
      expect.objectContaining({ job: 'scripted', failures: 1 }),
      expect.objectContaining({ job: 'scripted', failures: 2 }),
    ]);
    // 20 × 2^failures after each failure, none after the busy run, the idle interval after the idle one.
    expect(timers.waits).toEqual([40, 80, 20]);
  });

  it('stop() waits for a run in flight to finish and starts no new one', async () => {
    const timers = manualTimers();
    let finishRun = () => {};
    let finished = false;
    let runsStarted = 0;
    const job: BackgroundJob = {
      name: 'slow',
      idleIntervalMs: 0,
      runOnce: async () => {
        runsStarted += 1;
        await new Promise<void>((resolve) => {
          finishRun = resolve;
        });
        finished = true;
        return 1;
      },
    };
    const runner = startJobRunner(db, [job], { log: silentLog(), setTimer: timers.setTimer });
    await until(() => runsStarted === 1);
    const stopped = runner.stop();
    finishRun();
    await stopped;
    expect({ finished, runsStarted }).toEqual({ finished: true, runsStarted: 1 });
  });

  it('runs every job in its own loop: a failing job does not hold up the others', async () => {
    const timers = manualTimers();
    const failing: BackgroundJob = {
      name: 'failing',
      idleIntervalMs: 50,
      runOnce: async () => Promise.reject(new Error('x')),
    };
    const { job, runs } = scriptedJob([1, 1, 0], 10_000);
    const runner = startJobRunner(db, [failing, job], { log: silentLog(), setTimer: timers.setTimer });
    // The failing job waits on its back-off while the other drains its work and goes idle.
    await until(() => runs.length === 3 && timers.pending.length === 2);
    await runner.stop();
    expect(runs).toEqual([1, 1, 0]);
    expect([...timers.waits].sort((a, b) => a - b)).toEqual([100, 10_000]);
  });
});
