import type { Database } from '../../db/database';
import { deleteMembership, type MembershipEnd } from '../membership/membership-repository';
import { cancelPendingNotices } from '../notifications';
import { endSignupsOfDepartingMember } from '../sessions/signup-service';

/**
 * The one way a membership ends: leaving, removal by the team (`member-removal.ts`), closing an
 * account (`account/close-account.ts`). In the caller's transaction, which holds the community lock:
 * 1. the membership goes (waiting for any sign-up of theirs in flight, which holds it with
 *    `FOR KEY SHARE`; sign-ups after this find no membership);
 * 2. each of their sign-ups for a session that has not ended is cancelled, and the waitlist moves
 *    up in order through the seat ledger;
 * 3. every notice still pending for them in this community (reminders included) is withdrawn.
 * The notice dispatcher also checks membership when it sends, as the last guard.
 */
export async function endMembership(
  tx: Database,
  communityId: string,
  userId: string,
  end: MembershipEnd,
  now: Date = new Date(),
): Promise<void> {
  await deleteMembership(tx, communityId, userId, end);
  await endSignupsOfDepartingMember(tx, communityId, userId, now);
  await cancelPendingNotices(tx, { userId, communityId });
}
