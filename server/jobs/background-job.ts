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
}
