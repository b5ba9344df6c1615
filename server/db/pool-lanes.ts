import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';

/**
 * Reads and writes take their connections from pools of their own. A burst of writes on one row
 * (500 sign-ups for one session) queues on the write lane; a GET never waits behind it for a
 * connection. Work outside a request (background jobs, start-up) goes by the write lane.
 */
export type PoolLane = 'read' | 'write';

const laneOfWork = new AsyncLocalStorage<PoolLane>();

/** Runs `work`, and everything it starts, on `lane`'s connections. */
export function onPoolLane<T>(lane: PoolLane, work: () => T): T {
  return laneOfWork.run(lane, work);
}

export function poolLaneOfMethod(method: string): PoolLane {
  return method === 'GET' || method === 'HEAD' ? 'read' : 'write';
}

/**
 * What drizzle sees as its pool: each query and each checked-out connection comes from the lane of
 * the work asking. Its name ends in "Pool" on purpose: drizzle treats a client so named as a pool.
 */
export class LanedPool {
  constructor(private readonly lanes: Record<PoolLane, pg.Pool>) {}

  private get lane(): pg.Pool {
    return this.lanes[laneOfWork.getStore() ?? 'write'];
  }

  // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; this only routes them.
  query(...args: any[]): any {
    return (this.lane.query as (...all: unknown[]) => unknown)(...args);
  }

  connect(): Promise<pg.PoolClient> {
    return this.lane.connect();
  }

  get totalCount(): number {
    return this.lanes.read.totalCount + this.lanes.write.totalCount;
  }

  get idleCount(): number {
    return this.lanes.read.idleCount + this.lanes.write.idleCount;
  }

  get waitingCount(): number {
    return this.lanes.read.waitingCount + this.lanes.write.waitingCount;
  }

  async end(): Promise<void> {
    await Promise.all([this.lanes.read.end(), this.lanes.write.end()]);
  }
}
