import type { Database } from '../db/database';

/**
 * A unit of background work (outbox dispatch, scheduled publishing, reminders...). Every server
 * instance runs every job, so `runOnce` must claim its rows with `FOR UPDATE SKIP LOCKED` inside a
 * transaction: two instances then never take the same row, and a crashed instance's rows are free again.
 */
export interface BackgroundJob {
  name: string;
  /** How long to wait after a run that found nothing to do. */
  idleIntervalMs: number;
  /** Handles one batch of due work at `now`; returns how many items it handled (0: nothing due). */
  runOnce(db: Database, now: Date): Promise<number>;
  /**
   * The work due at `now` and not yet done, for the metrics scrape: one query on the index the job
   * claims through, so a scrape stays cheap however long the backlog. Jobs without a queue omit it.
   */
  dueWork?(db: Database, now: Date): Promise<DueWork>;
}

export interface DueWork {
  count: number;
  /** When the longest-waiting item fell due; null when nothing is due. */
  oldestDueAt: Date | null;
}

/** Reads the `count(*)` and `min(due)` pair every `dueWork` query answers (drivers differ on types). */
export function toDueWork(
  row: { count: number | string; oldest: Date | string | null } | undefined,
): DueWork {
  if (!row) return { count: 0, oldestDueAt: null };
  return { count: Number(row.count), oldestDueAt: row.oldest === null ? null : new Date(row.oldest) };
}
