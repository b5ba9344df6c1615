import { partiesToPromote, seatsLeft } from '../../../src/domain/sessions';
import type { Database } from '../../db/database';
import { noticePromoted, scheduleReminders } from './session-notices';
import {
  countSeats,
  expireOffersDue,
  listWaitlist,
  type SessionRow,
  setSignupStatus,
} from './session-repository';

/**
 * Hands free seats to the waitlist: the first parties that fit, in arrival order. With a claim window
 * they are offered (seats held until claimed or expired), otherwise confirmed at once. The caller
 * holds the session lock.
 */
export async function promoteFromWaitlist(tx: Database, session: SessionRow, now: Date): Promise<number> {
  if (session.status !== 'scheduled' || now.getTime() >= session.startsAt.getTime()) return 0;
  const { seatsTaken } = await countSeats(tx, session.id);
  const free = seatsLeft(session.capacity, seatsTaken);
  if (free === 0) return 0;
  const promoted = partiesToPromote(free, await listWaitlist(tx, session.id));
  const offerExpiresAt = session.claimWindowHours
    ? new Date(Math.min(now.getTime() + session.claimWindowHours * 3600_000, session.startsAt.getTime()))
    : null;
  await setSignupStatus(
    tx,
    promoted.map((party) => party.id),
    offerExpiresAt ? 'offered' : 'confirmed',
    offerExpiresAt,
  );
  for (const party of promoted) {
    await noticePromoted(tx, session, party.userId, offerExpiresAt, party.arrival);
    if (!offerExpiresAt) await scheduleReminders(tx, session, party.userId, now);
  }
  return promoted.length;
}

/** Offers past their window give their seats back (the member leaves the list), then the next in line moves up. */
export async function expireOffers(tx: Database, session: SessionRow, now: Date): Promise<number> {
  const expired = await expireOffersDue(tx, session.id, now);
  if (expired > 0) await promoteFromWaitlist(tx, session, now);
  return expired;
}
