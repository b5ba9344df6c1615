import type { SignUpResult } from '../../../src/domain/contract/sessions';
import {
  canCancelSignup,
  holdsSeats,
  isSignUpOpen,
  partySize,
  placeNewParty,
  sessionEndsAt,
  sessionsOverlap,
} from '../../../src/domain/sessions';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import type { UserRow } from '../auth/user-repository';
import { requireMembership } from '../membership/require-membership';
import { promoteFromWaitlist } from './seat-promotion';
import { cancelRemindersOf, scheduleReminders } from './session-notices';
import {
  countSeats,
  findSignup,
  listMyConfirmedSessionsAround,
  lockSession,
  type SessionRow,
  type SignupRow,
  updateSignup,
  upsertSignup,
  waitlistPosition,
} from './session-repository';

async function lockOpenSession(tx: Database, sessionId: string, userId: string): Promise<SessionRow> {
  const session = await lockSession(tx, sessionId);
  if (!session) throw new AppError('NOT_FOUND', 404);
  await requireMembership(tx, session.communityId, userId, 'member');
  return session;
}

async function resultFor(
  tx: Database,
  session: SessionRow,
  signup: SignupRow,
  knownPosition?: number,
): Promise<SignUpResult> {
  const result: SignUpResult = {
    status: signup.status as SignUpResult['status'],
    guests: signup.guests,
  };
  if (signup.status === 'waitlisted') result.position = knownPosition ?? (await waitlistPosition(tx, signup));
  if (signup.status === 'confirmed') {
    const end = sessionEndsAt(session.startsAt, session.durationMinutes);
    const candidates = await listMyConfirmedSessionsAround(
      tx,
      signup.userId,
      session.id,
      session.startsAt,
      end,
    );
    const overlapping = candidates.find((other) => sessionsOverlap(other, session));
    if (overlapping) {
      result.overlapping = {
        id: overlapping.id,
        title: overlapping.title,
        startsAt: overlapping.startsAt.toISOString(),
      };
    }
  }
  return result;
}

/**
 * The session row is locked first, so simultaneous sign-ups count seats one after another and take
 * arrival numbers in the order they were served. Signing up again while signed up changes nothing.
 */
export async function signUpForSession(
  db: Database,
  user: UserRow,
  sessionId: string,
  guests: number,
  now: Date = new Date(),
): Promise<SignUpResult> {
  return db.transaction(async (tx) => {
    const session = await lockOpenSession(tx, sessionId, user.id);
    const existing = await findSignup(tx, sessionId, user.id);
    if (existing && existing.status !== 'cancelled') return resultFor(tx, session, existing);
    if (session.status === 'cancelled') throw new AppError('SESSION_CANCELLED', 409);
    if (!isSignUpOpen(now, session.signUpDeadline)) throw new AppError('SIGNUP_CLOSED', 409);

    const { seatsTaken, waiting } = await countSeats(tx, sessionId);
    const status = placeNewParty(session.capacity, seatsTaken, partySize(guests));
    const signup = await upsertSignup(tx, { sessionId, userId: user.id, guests, status });
    if (status === 'confirmed') await scheduleReminders(tx, session, user.id, now);
    // A newcomer joins the end of the line.
    return resultFor(tx, session, signup, waiting + 1);
  });
}

/** Leaving the waitlist or giving up a seat; freed seats go to the waitlist in the same transaction. */
export async function cancelMySignup(
  db: Database,
  user: UserRow,
  sessionId: string,
  now: Date = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const session = await lockOpenSession(tx, sessionId, user.id);
    const signup = await findSignup(tx, sessionId, user.id);
    if (!signup || signup.status === 'cancelled') throw new AppError('SIGNUP_NOT_FOUND', 404);
    if (!canCancelSignup(now, session.startsAt)) throw new AppError('SESSION_STARTED', 409);
    await updateSignup(tx, signup.id, { status: 'cancelled', offerExpiresAt: null });
    await cancelRemindersOf(tx, sessionId, user.id);
    if (holdsSeats(signup.status)) await promoteFromWaitlist(tx, session, now);
  });
}

/** A promoted member takes the seats offered to them, within the claim window. */
export async function claimOffer(
  db: Database,
  user: UserRow,
  sessionId: string,
  now: Date = new Date(),
): Promise<SignUpResult> {
  return db.transaction(async (tx) => {
    const session = await lockOpenSession(tx, sessionId, user.id);
    const signup = await findSignup(tx, sessionId, user.id);
    if (signup?.status === 'confirmed') return resultFor(tx, session, signup);
    if (
      signup?.status !== 'offered' ||
      !signup.offerExpiresAt ||
      signup.offerExpiresAt.getTime() <= now.getTime()
    ) {
      throw new AppError('NO_OFFER_TO_CLAIM', 409);
    }
    const confirmed = await updateSignup(tx, signup.id, { status: 'confirmed', offerExpiresAt: null });
    await scheduleReminders(tx, session, user.id, now);
    return resultFor(tx, session, confirmed);
  });
}
