import type { MySignupView, SignUpResult } from '../../../src/domain/contract/sessions';
import { heldBackSeatedFrom } from '../../../src/domain/gentle-rule';
import {
  cancelSignupRefusal,
  type SignupStatus,
  sessionEndsAt,
  sessionsOverlap,
} from '../../../src/domain/sessions';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import type { UserRow } from '../auth/user-repository';
import { requireMembership } from '../membership/require-membership';
import { changeSmallerSpot, claimOfferedSeats, releaseSignups } from './seat-ledger';
import { cancelRemindersOf, scheduleReminders } from './session-notices';
import {
  findSession,
  findSignup,
  listMyConfirmedSessionsAround,
  listSessionsWithActiveSignupOf,
  lockSession,
  type SessionRow,
  waitlistPosition,
} from './session-repository';
import { toMySignupView } from './session-views';
import { takeSeatInTurn } from './signup-line';

/** The session, or the refusal a member or an outsider gets for it. */
async function sessionForMember(tx: Database, sessionId: string, userId: string): Promise<SessionRow> {
  const session = await findSession(tx, sessionId);
  if (!session) throw new AppError('NOT_FOUND', 404);
  await requireMembership(tx, session.communityId, userId, 'member');
  return session;
}

/** A confirmed sign-up warns (without refusing) when I hold a seat in another session at an overlapping time. */
async function overlapping(db: Database, session: SessionRow, userId: string) {
  const end = sessionEndsAt(session.startsAt, session.durationMinutes);
  const candidates = await listMyConfirmedSessionsAround(db, userId, session.id, session.startsAt, end);
  const other = candidates.find((candidate) => sessionsOverlap(candidate, session));
  return other && { id: other.id, title: other.title, startsAt: other.startsAt.toISOString() };
}

async function resultFor(
  db: Database,
  session: SessionRow,
  userId: string,
  signup: { status: SignupStatus; guests: number; position: number | null; heldBack: boolean },
): Promise<SignUpResult> {
  const result: SignUpResult = { status: signup.status as SignUpResult['status'], guests: signup.guests };
  if (signup.status === 'waitlisted' && signup.position !== null) result.position = signup.position;
  if (signup.status === 'waitlisted' && signup.heldBack) {
    result.heldBack = { seatedFrom: heldBackSeatedFrom(session.startsAt).toISOString() };
  }
  if (signup.status === 'confirmed') {
    const other = await overlapping(db, session, userId);
    if (other) result.overlapping = other;
  }
  return result;
}

/**
 * Waits for its turn at the session's seats (see `signup-line.ts`): the seat ledger checks
 * membership, the session and my earlier sign-up, and seats or waitlists my party, under the
 * session lock with the other sign-ups of the turn. The overlap warning is read after the commit.
 * Signing up again while signed up changes nothing.
 */
export async function signUpForSession(
  db: Database,
  user: UserRow,
  sessionId: string,
  party: { guests: number; minGuests: number | null },
  now: Date = new Date(),
): Promise<SignUpResult> {
  const outcome = await takeSeatInTurn(db, sessionId, { userId: user.id, ...party, now });
  if (outcome.kind === 'refused') throw outcome.error;
  const { session } = outcome;
  if (outcome.kind === 'placed') return resultFor(db, session, user.id, outcome);
  const { signup } = outcome;
  const position = signup.status === 'waitlisted' ? await waitlistPosition(db, signup) : null;
  return resultFor(db, session, user.id, {
    status: signup.status,
    guests: signup.guests,
    position,
    heldBack: signup.heldBack,
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
    const known = await sessionForMember(tx, sessionId, user.id);
    const signup = await findSignup(tx, sessionId, user.id);
    if (!signup || signup.status === 'cancelled') throw new AppError('SIGNUP_NOT_FOUND', 404);
    const refusal = cancelSignupRefusal(now, known.startsAt, signup.checkedInAt !== null);
    if (refusal) throw new AppError(refusal, 409);
    const session = (await lockSession(tx, sessionId))!;
    const released = await releaseSignups(tx, session, { userId: user.id }, now);
    if (released === 0) throw new AppError('SIGNUP_NOT_FOUND', 404);
    await cancelRemindersOf(tx, sessionId, user.id);
  });
}

/**
 * While waiting, a member accepts a smaller spot (or takes it back). Under the session lock, through
 * the seat ledger: seats already free may seat the party at once.
 */
export async function changeMySmallerSpot(
  db: Database,
  user: UserRow,
  sessionId: string,
  minGuests: number | null,
  now: Date = new Date(),
): Promise<MySignupView> {
  return db.transaction(async (tx) => {
    await sessionForMember(tx, sessionId, user.id);
    const session = (await lockSession(tx, sessionId))!;
    if (!(await changeSmallerSpot(tx, session, user.id, minGuests, now)))
      throw new AppError('NOT_WAITLISTED', 409);
    return (await toMySignupView(tx, await findSignup(tx, sessionId, user.id)))!;
  });
}

/** A promoted member takes the seats offered to them, within the claim window. */
export async function claimOffer(
  db: Database,
  user: UserRow,
  sessionId: string,
  now: Date = new Date(),
): Promise<SignUpResult> {
  const { session, status, guests } = await db.transaction(async (tx) => {
    const session = await sessionForMember(tx, sessionId, user.id);
    const signup = await findSignup(tx, sessionId, user.id);
    if (signup?.status === 'confirmed') return { session, status: signup.status, guests: signup.guests };
    const claimed = signup && (await claimOfferedSeats(tx, signup.id, now));
    if (!claimed) throw new AppError('NO_OFFER_TO_CLAIM', 409);
    await scheduleReminders(tx, session, user.id, now);
    return { session, status: claimed.status, guests: claimed.guests };
  });
  return resultFor(db, session, user.id, { status, guests, position: null, heldBack: false });
}

/**
 * A member's sign-ups end with their membership: in every session of the community that has not
 * ended, their seat or place is released and the waitlist moves up, each session under its lock,
 * in the order of their ids. Their reminders are withdrawn with the rest of their notices by the
 * caller.
 */
export async function endSignupsOfDepartingMember(
  tx: Database,
  communityId: string,
  userId: string,
  now: Date,
): Promise<void> {
  for (const sessionId of await listSessionsWithActiveSignupOf(tx, communityId, userId, now)) {
    const session = await lockSession(tx, sessionId);
    if (session) await releaseSignups(tx, session, { userId }, now);
  }
}
