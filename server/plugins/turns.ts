import { AppError } from '../app-error';

/** Called once: with nothing when it is the waiter's turn, with the error when it gives up. */
type Waiter = (error?: Error) => void;

/**
 * At most `perKey` holders of each key at once; the others wait in memory, in the order they came,
 * and are answered 503 after `waitLimitMs` (the database is too slow to serve them). Per instance:
 * each instance only limits its own use of its pool.
 */
export class Turns {
  private readonly keys = new Map<string, { running: number; waiting: Waiter[] }>();
  private readonly perKey: number;
  private readonly waitLimitMs: number;

  constructor({ perKey, waitLimitMs }: { perKey: number; waitLimitMs: number }) {
    this.perKey = perKey;
    this.waitLimitMs = waitLimitMs;
  }

  /** Resolves with `leave` once it is this caller's turn on the key; leaving twice frees one turn. */
  async enter(key: string): Promise<() => void> {
    let held = this.keys.get(key);
    if (!held) {
      held = { running: 0, waiting: [] };
      this.keys.set(key, held);
    }
    if (held.running < this.perKey) {
      held.running += 1;
    } else {
      const queue = held.waiting;
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

  /** The database is away: those still waiting for this key are answered now, not one timeout at a time. */
  refuseWaiting(key: string): void {
    const held = this.keys.get(key);
    for (const waiter of held?.waiting.splice(0) ?? []) waiter(new AppError('SERVICE_UNAVAILABLE', 503));
  }

  private leave(key: string): void {
    const held = this.keys.get(key);
    if (!held) return;
    const next = held.waiting.shift();
    if (next) {
      next();
      return;
    }
    held.running -= 1;
    if (held.running === 0) this.keys.delete(key);
  }
}
