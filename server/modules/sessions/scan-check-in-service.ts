import type {
  AttendanceView,
  HostCheckInCodesView,
  MyCheckInPassView,
  MySignupView,
  PassCheckInBody,
} from '../../../src/domain/contract/sessions';
import { checkInClosesAt, checkInOpensAt, isCheckInOpen } from '../../../src/domain/sessions';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import type { UserRow } from '../auth/user-repository';
import { requireMembership } from '../membership/require-membership';
import { hostCodes, memberOfPass, memberPass, requireHostCode } from './check-in-codes';
import { attendanceOf, checkInMember, sessionOrNotFound } from './check-in-service';
import { findSignup, updateSession, updateSignup } from './session-repository';
import { requireSessionManager } from './session-service';

/** Check-in by scanning, both ways (`src/domain/check-in-scan.ts`); the same rules as the typed code. */
export interface ScanDeps {
  db: Database;
  checkInSecret: string;
}

/** The host's phone: the codes of the next steps, once check-in is open and until its window closes. */
export async function hostCheckInCodes(
  { db, checkInSecret }: ScanDeps,
  user: UserRow,
  sessionId: string,
  now: Date,
): Promise<HostCheckInCodesView> {
  const session = await sessionOrNotFound(db, sessionId);
  await requireSessionManager(db, session, user.id);
  if (session.status === 'cancelled') throw new AppError('SESSION_CANCELLED', 409);
  if (!session.checkInCode || !isCheckInOpen(now, session)) throw new AppError('CHECK_IN_NOT_OPEN', 409);
  const codes = hostCodes(checkInSecret, session.id, now, checkInClosesAt(session));
  return {
    serverTime: now.toISOString(),
    codes: codes.map((code) => ({
      token: code.token,
      validFrom: code.validFrom.toISOString(),
      validUntil: code.validUntil.toISOString(),
    })),
  };
}

/** A member scanned the host's code: checked in exactly as with the typed code. */
export function checkInWithHostCode(
  { db, checkInSecret }: ScanDeps,
  user: UserRow,
  sessionId: string,
  token: string,
  now: Date,
): Promise<MySignupView> {
  const check = () => requireHostCode(checkInSecret, token, sessionId, now);
  return checkInMember(db, user, sessionId, { scanned: { check } }, now);
}

/** A confirmed member's pass, from when they hold the seat until the check-in window closes; otherwise why there is none. */
export async function myCheckInPass(
  { db, checkInSecret }: ScanDeps,
  user: UserRow,
  sessionId: string,
  now: Date,
): Promise<MyCheckInPassView> {
  const session = await sessionOrNotFound(db, sessionId);
  await requireMembership(db, session.communityId, user.id, 'member');
  const signup = await findSignup(db, sessionId, user.id);
  if (signup?.status !== 'confirmed') return { pass: null, noPass: 'NOT_ATTENDEE' };
  if (session.status === 'cancelled') return { pass: null, noPass: 'SESSION_CANCELLED' };
  const closesAt = checkInClosesAt(session);
  if (now.getTime() >= closesAt.getTime()) return { pass: null, noPass: 'CHECK_IN_NOT_OPEN' };
  return {
    pass: {
      token: memberPass(checkInSecret, session.id, user.id, closesAt),
      nickname: user.nickname,
      guests: signup.guests,
      checkedIn: signup.checkedInAt !== null,
      validFrom: checkInOpensAt(session.startsAt).toISOString(),
      validUntil: closesAt.toISOString(),
    },
    noPass: null,
  };
}

/**
 * The host (or team) scanned a member's pass: the member is checked in with the guests the host
 * counted (not more than booked). Only the member's sign-up row is locked, as for the typed code; a
 * second scan keeps the first check-in time and takes the newer count of guests.
 */
export async function checkInWithMemberPass(
  { db, checkInSecret }: ScanDeps,
  user: UserRow,
  sessionId: string,
  { token, guests }: PassCheckInBody,
  now: Date,
): Promise<AttendanceView> {
  return db.transaction(async (tx) => {
    const session = await sessionOrNotFound(tx, sessionId);
    await requireSessionManager(tx, session, user.id);
    const attendeeId = memberOfPass(checkInSecret, token, sessionId, now, checkInClosesAt(session));
    const signup = await findSignup(tx, sessionId, attendeeId, { lock: true });
    if (signup?.status !== 'confirmed') throw new AppError('ATTENDEE_NOT_FOUND', 404);
    if (session.status === 'cancelled') throw new AppError('SESSION_CANCELLED', 409);
    if (!isCheckInOpen(now, session)) throw new AppError('CHECK_IN_NOT_OPEN', 409);
    if (guests > signup.guests) throw new AppError('GUESTS_ABOVE_BOOKED', 409);
    await updateSignup(tx, signup.id, { checkedInAt: signup.checkedInAt ?? now, checkedInGuests: guests });
    // Scanning a pass is check-in too: the session now counts in attendance records.
    const counted = session.checkInOpenedAt
      ? session
      : await updateSession(tx, sessionId, { checkInOpenedAt: now });
    return attendanceOf(tx, counted, now);
  });
}
