import type { BackgroundJob } from '../../jobs/background-job';
import { fillMissingSearchVectors } from './tip-repository';

const batchSize = 500;

/**
 * Gives the tips written before search existed their search words, a batch at a time, and then
 * idles: new and edited tips get theirs in the write itself. Every instance may run it (`SKIP LOCKED`).
 */
export const tipSearchBackfill: BackgroundJob = {
  name: 'tip-search-backfill',
  idleIntervalMs: 10 * 60_000,
  runOnce: (db) => db.transaction((tx) => fillMissingSearchVectors(tx, batchSize)),
};
