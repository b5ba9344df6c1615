import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../app-error';
import { isDatabaseUnavailable } from '../db/database-unavailable';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The row a write locks (`session:<id>`): requests on the same row wait their turn here, holding
     * no pool connection, instead of each holding one while it waits for the row lock.
     */
    hotRow?: (request: FastifyRequest) => string;
  }
  interface FastifyRequest {
    hotRowTurn: { key: string; leave: () => void } | null;
  }
}

/** A few per row: one holds the lock, the next ones are ready the moment it is free. */
const turnsPerRow = 3;

/** Called once: with nothing when it is the waiter's turn, with the error when it gives up. */
type Waiter = (error?: Error) => void;

/**
 * Per-instance turns on hot rows. A burst of 500 sign-ups for one session all queue on its row
 * lock anyway; letting each hold a pool connection while it waits starves every other route of
 * the pool (an unrelated GET /api/me waited 1.4 s). Here they wait in memory, and other routes keep
 * the rest of the pool. Not shared state: each instance only limits its own connections.
 */
export class HotRowTurns {
  private readonly rows = new Map<string, { running: number; waiting: Waiter[] }>();

  constructor(private readonly waitLimitMs: number) {}

  /** Resolves with `leave` once it is this request's turn on the row. */
  async enter(key: string): Promise<() => void> {
    let row = this.rows.get(key);
    if (!row) {
      row = { running: 0, waiting: [] };
      this.rows.set(key, row);
    }
    if (row.running < turnsPerRow) {
      row.running += 1;
    } else {
      const queue = row.waiting;
      await new Promise<void>((resolve, reject) => {
        const waiter: Waiter = (error) => {
          clearTimeout(timer);
          if (error) reject(error);
          else resolve();
        };
        const timer = setTimeout(() => {
          queue.splice(queue.indexOf(waiter), 1);
          waiter(new AppError('SERVICE_UNAVAILABLE', 503));
        }, this.waitLimitMs);
        queue.push(waiter);
      });
    }
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.leave(key);
    };
  }

  /** The database is away: the requests still waiting for this row are answered now, not one timeout at a time. */
  refuseWaiting(key: string): void {
    const row = this.rows.get(key);
    for (const waiter of row?.waiting.splice(0) ?? []) waiter(new AppError('SERVICE_UNAVAILABLE', 503));
  }

  private leave(key: string): void {
    const row = this.rows.get(key);
    if (!row) return;
    const next = row.waiting.shift();
    if (next) {
      next();
      return;
    }
    row.running -= 1;
    if (row.running === 0) this.rows.delete(key);
  }
}

async function hotRowQueue(app: FastifyInstance, { waitLimitMs }: { waitLimitMs: number }) {
  const turns = new HotRowTurns(waitLimitMs);
  app.decorateRequest('hotRowTurn', null);
  // After authentication and the rate limits (registered earlier), right before the handler.
  app.addHook('preHandler', async (request) => {
    const key = request.routeOptions.config.hotRow?.(request);
    if (!key) return;
    request.hotRowTurn = { key, leave: await turns.enter(key) };
  });
  app.addHook('onError', async (request, _reply, error) => {
    if (request.hotRowTurn && isDatabaseUnavailable(error)) turns.refuseWaiting(request.hotRowTurn.key);
  });
  // The transaction is over once the answer is ready: the next request need not wait for it to be written.
  app.addHook('onSend', async (request) => request.hotRowTurn?.leave());
  const leave = async (request: FastifyRequest) => request.hotRowTurn?.leave();
  app.addHook('onResponse', leave);
  app.addHook('onRequestAbort', leave);
}

export default fp(hotRowQueue, { name: 'hot-row-queue' });
