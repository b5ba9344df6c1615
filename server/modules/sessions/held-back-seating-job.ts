import { gentleRule } from '../../../src/domain/gentle-rule';
import type { BackgroundJob } from '../../jobs/background-job';
import { releaseHeldBackParties } from './seat-ledger';
import { lockSessionsHoldingBackPastTheMark } from './session-repository';

/**
 * The gentle rule's promise: 24 hours before the start, members it held back are seated if seats
 * remain. Each run locks a few sessions holding parties back past their mark (skipping sessions
 * another instance or a sign-up holds), lets them go through the seat ledger, which seats the
 * waitlist in its usual order. Also runs for the held-back parties of a community whose owner turned
 * the rule off.
 */
export const heldBackSeatingJob: BackgroundJob = {
  name: 'session-held-back-seating',
  idleIntervalMs: 60_000,
  async runOnce(db, now) {
    return db.transaction(async (tx) => {
      const sessions = await lockSessionsHoldingBackPastTheMark(
        tx,
        now,
        gentleRule.seatedHoursBeforeStart,
        20,
      );
      let released = 0;
      for (const session of sessions) released += await releaseHeldBackParties(tx, session, now);
      return released;
    });
  },
};
