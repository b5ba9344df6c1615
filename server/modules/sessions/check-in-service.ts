import { randomInt } from 'node:crypto';
import type { AttendanceView, MySignupView } from '../../../src/domain/contract/sessions';
import {
  averageRating,
  checkInClosesAt,
  checkInOpensAt,
  isCheckInOpen,
  sessionLimits,
} from '../../../src/domain/sessions';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import type { UserRow } from '../auth/user-repository';
import { requireAcceptableTexts } from '../content-security/require-acceptable-text';
import type { TextChecker } from '../content-security/text-checker';
import { requireMembership } from '../membership/require-membership';
import { attendanceRecordsOf } from './attendance-record';
import {
  findSession,
  findSignup,
  listAttendees,
  lockSession,
  type SessionRow,
  type SignupRow,
  updateSession,
  updateSignup,
} from './session-repository';
import { requireSessionManager } from './session-service';
import { toMySignupView } from './session-views';

export async function sessionOrNotFound(tx: Database, sessionId: string): Promise<SessionRow> {
  const session = await findSession(tx, sessionId);
  if (!session) throw new AppError('NOT_FOUND', 404);
  return session;
}

async function lockSessionOrNotFound(tx: Database, sessionId: string): Promise<SessionRow> {
  const session = await lockSession(tx, sessionId);
  if (!session) throw new AppError('NOT_FOUND', 404);
  return session;
}

function randomCode(): string {
  return String(randomInt(0, 10 ** sessionLimits.checkInCodeLength)).padStart(
    sessionLimits.checkInCodeLength,
    '0',
  );
}

export async function attendanceOf(tx: Database, session: SessionRow, now: Date): Promise<AttendanceView> {
  const rows = await listAttendees(tx, session.id);
  const records = await attendanceRecordsOf(
    tx,
    session.communityId,
    rows.map((row) => row.signup.userId),
    now,
  );
  const withFeedback = rows.filter((row) => row.signup.feedbackRating !== null);
  return {
    sessionId: session.id,
    checkInCode: session.checkInCode,
    checkInOpensAt: checkInOpensAt(session.startsAt).toISOString(),
    checkInClosesAt: checkInClosesAt(session).toISOString(),
    attendees: rows.map(({ signup, nickname, avatarUrl }) => ({
      userId: signup.userId,
      nickname,
      avatarUrl,
      guests: signup.guests,
      status: signup.status as 'confirmed' | 'offered' | 'waitlisted',
      checkedInAt: signup.checkedInAt?.toISOString() ?? null,
      checkedInGuests: signup.checkedInGuests,
      checkInLocked: isCheckInLocked(signup),
      record: records.get(signup.userId)!,
    })),
    checkedInCount: rows.filter((row) => row.signup.checkedInAt !== null).length,
    feedbackCount: withFeedback.length,
    averageRating: averageRating(withFeedback.map((row) => row.signup.feedbackRating!)),
    comments: withFeedback
      .filter((row) => row.signup.feedbackComment)
      .map((row) => ({
        nickname: row.nickname,
        rating: row.signup.feedbackRating!,
        comment: row.signup.feedbackComment!,
      })),
  };
}

export async function getAttendance(
  db: Database,
  user: UserRow,
  sessionId: string,
  now: Date = new Date(),
): Promise<AttendanceView> {
  const session = await sessionOrNotFound(db, sessionId);
  await requireSessionManager(db, session, user.id);
  return attendanceOf(db, session, now);
}

/** The host opens (or re-opens) a short code around the session time; a new code replaces the old one. */
export async function openCheckIn(
  db: Database,
  user: UserRow,
  sessionId: string,
  now: Date = new Date(),
): Promise<AttendanceView> {
  return db.transaction(async (tx) => {
    const session = await lockSessionOrNotFound(tx, sessionId);
    await requireSessionManager(tx, session, user.id);
    if (session.status === 'cancelled') throw new AppError('SESSION_CANCELLED', 409);
    if (!isCheckInOpen(now, session)) throw new AppError('CHECK_IN_NOT_OPEN', 409);
    const updated = await updateSession(tx, sessionId, {
      checkInCode: randomCode(),
      checkInOpenedAt: session.checkInOpenedAt ?? now,
    });
    return attendanceOf(tx, updated, now);
  });
}

function isCheckInLocked(signup: SignupRow): boolean {
  return signup.wrongCheckInGuesses >= sessionLimits.checkInWrongGuessesMax;
}

/**
 * How a member proves they are there: the code the host read out, or the host's code they scanned
 * (`check` refuses a forged, stale or other session's one).
 */
export type CheckInProof = { code: string } | { scanned: { check: () => void } };

/** Confirmed members enter the code (or scan the host's, `scan-check-in-service.ts`). */
export async function checkIn(
  db: Database,
  user: UserRow,
  sessionId: string,
  code: string,
  now: Date = new Date(),
): Promise<MySignupView> {
  return checkInMember(db, user, sessionId, { code }, now);
}

/**
 * Wrong codes are counted per member so a 4-digit code cannot be tried through. A scanned code is
 * signed and changes every 30 seconds: no guess, so it is not counted, and it lets a member locked
 * out by wrong codes in (they scan the code on the host's phone: what 请找主持人签到 asks). Only my
 * sign-up row is locked: check-ins of different members never queue on the session row, which
 * sign-ups need. Checking in twice changes nothing.
 */
export async function checkInMember(
  db: Database,
  user: UserRow,
  sessionId: string,
  proof: CheckInProof,
  now: Date,
): Promise<MySignupView> {
  const outcome = await db.transaction(async (tx) => {
    const session = await sessionOrNotFound(tx, sessionId);
    await requireMembership(tx, session.communityId, user.id, 'member');
    if ('scanned' in proof) proof.scanned.check();
    const signup = await findSignup(tx, sessionId, user.id, { lock: true });
    if (signup?.status !== 'confirmed') throw new AppError('NOT_ATTENDEE', 403);
    if (signup.checkedInAt) return { view: await toMySignupView(tx, signup) };
    if (session.status === 'cancelled') throw new AppError('SESSION_CANCELLED', 409);
    if (!session.checkInCode || !isCheckInOpen(now, session)) throw new AppError('CHECK_IN_NOT_OPEN', 409);
    if ('code' in proof) {
      if (isCheckInLocked(signup)) throw new AppError('CHECK_IN_TOO_MANY_TRIES', 429);
      if (proof.code !== session.checkInCode) {
        // The count must survive the refusal, so the transaction commits and the error is thrown after it.
        await updateSignup(tx, signup.id, { wrongCheckInGuesses: signup.wrongCheckInGuesses + 1 });
        return { wrong: true as const };
      }
    }
    return { view: await toMySignupView(tx, await updateSignup(tx, signup.id, { checkedInAt: now })) };
  });
  if ('wrong' in outcome) throw new AppError('CHECK_IN_CODE_WRONG', 400);
  return outcome.view!;
}

/** The host's or team's hand on one attendee's sign-up: a confirmed one, locked for the change. */
async function attendeeForManager(tx: Database, user: UserRow, sessionId: string, attendeeId: string) {
  const session = await sessionOrNotFound(tx, sessionId);
  await requireSessionManager(tx, session, user.id);
  const signup = await findSignup(tx, sessionId, attendeeId, { lock: true });
  if (signup?.status !== 'confirmed') throw new AppError('ATTENDEE_NOT_FOUND', 404);
  return { session, signup };
}

/**
 * The host (or team) checks an attendee in by hand: someone locked out after wrong codes, or
 * without a phone. Possible from the moment the code could be opened, and afterwards (a record put
 * right after the session); checking in twice changes nothing.
 */
export async function checkInAttendee(
  db: Database,
  user: UserRow,
  sessionId: string,
  attendeeId: string,
  now: Date = new Date(),
): Promise<AttendanceView> {
  return db.transaction(async (tx) => {
    const { session, signup } = await attendeeForManager(tx, user, sessionId, attendeeId);
    if (session.status === 'cancelled') throw new AppError('SESSION_CANCELLED', 409);
    if (now.getTime() < checkInOpensAt(session.startsAt).getTime()) {
      throw new AppError('CHECK_IN_NOT_OPEN', 409);
    }
    if (!signup.checkedInAt) await updateSignup(tx, signup.id, { checkedInAt: now });
    // Checking in by hand is check-in too: the session now counts in attendance records.
    const counted = session.checkInOpenedAt
      ? session
      : await updateSession(tx, sessionId, { checkInOpenedAt: now });
    return attendanceOf(tx, counted, now);
  });
}

/** The host (or team) gives a locked-out attendee their five tries back. */
export async function liftCheckInLock(
  db: Database,
  user: UserRow,
  sessionId: string,
  attendeeId: string,
  now: Date = new Date(),
): Promise<AttendanceView> {
  return db.transaction(async (tx) => {
    const { session, signup } = await attendeeForManager(tx, user, sessionId, attendeeId);
    if (signup.wrongCheckInGuesses > 0) await updateSignup(tx, signup.id, { wrongCheckInGuesses: 0 });
    return attendanceOf(tx, session, now);
  });
}

/** Once per attendee, editable: the latest rating and comment replace the earlier ones. */
export async function leaveFeedback(
  { db, textChecker }: { db: Database; textChecker: TextChecker },
  user: UserRow,
  sessionId: string,
  feedback: { rating: number; comment?: string },
  now: Date = new Date(),
): Promise<MySignupView> {
  const comment = feedback.comment?.trim() ?? '';
  await requireAcceptableTexts(textChecker, user, 'comment', { comment });
  return db.transaction(async (tx) => {
    const session = await sessionOrNotFound(tx, sessionId);
    await requireMembership(tx, session.communityId, user.id, 'member');
    const signup = await findSignup(tx, sessionId, user.id, { lock: true });
    if (signup?.status !== 'confirmed') throw new AppError('NOT_ATTENDEE', 403);
    if (session.status === 'cancelled') throw new AppError('SESSION_CANCELLED', 409);
    if (now.getTime() < session.startsAt.getTime()) throw new AppError('FEEDBACK_TOO_EARLY', 409);
    const updated = await updateSignup(tx, signup.id, {
      feedbackRating: feedback.rating,
      feedbackComment: comment || null,
      feedbackAt: now,
    });
    return (await toMySignupView(tx, updated))!;
  });
}
