import type { Config } from '../config';
import { createNoticeDispatcher } from '../modules/notifications/notice-dispatcher';
import { rateLimitCleanupJob } from '../modules/rate-limits/rate-limiter';
import { heldBackSeatingJob } from '../modules/sessions/held-back-seating-job';
import { offerExpiryJob } from '../modules/sessions/offer-expiry-job';
import { scheduledTipPublisher } from '../modules/tips/scheduled-tip-publisher';
import { tipSearchBackfill } from '../modules/tips/tip-search-backfill';
import { createPictureCheckRequester } from '../modules/uploads/picture-check-requests';
import { weeklyDigestReadyJob } from '../modules/weekly-digest/digest-ready-job';
import type { BackgroundJob } from './background-job';

export interface BackgroundJobDeps {
  config: Config;
  log: { info(object: object, message: string): void; warn(object: object, message: string): void };
}

/** Every background job the server runs; add yours to the list. */
export function createBackgroundJobs(deps: BackgroundJobDeps): BackgroundJob[] {
  return [
    createNoticeDispatcher(deps),
    scheduledTipPublisher,
    offerExpiryJob,
    heldBackSeatingJob,
    rateLimitCleanupJob,
    tipSearchBackfill,
    weeklyDigestReadyJob,
    createPictureCheckRequester(deps),
  ];
}
