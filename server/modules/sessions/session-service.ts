import type {
  SessionInput,
  SessionPage,
  SessionSummaryView,
  SessionView,
} from '../../../src/domain/contract/sessions';
import { heldBackMayBeSeated, holdsBackSignUp } from '../../../src/domain/gentle-rule';
import { isTeamRole } from '../../../src/domain/roles';
import { defaultReminderOffsets, sessionEndsAt, sessionLimits } from '../../../src/domain/sessions';
import { normaliseTagList } from '../../../src/domain/tags';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import { keysetCursor, timePart, uuidPart } from '../../db/keyset-cursor';
import type { UserRow } from '../auth/user-repository';
import { requireAcceptableTexts } from '../content-security/require-acceptable-text';
import type { TextChecker } from '../content-security/text-checker';
import { findRole } from '../membership/membership-repository';
import { requireMembership } from '../membership/require-membership';
import { type AttendanceSettings, attendanceSettingsOf, gentleRuleStandingsOf } from './attendance-record';
import { promoteFromWaitlist, refuseCapacityBelowSeatsTaken } from './seat-ledger';
import {
  cancelAllPendingOfSession,
  cancelRemindersOf,
  noticeAnnounced,
  noticeCancelled,
  noticeChanged,
  scheduleReminders,
} from './session-notices';
import {
  findSeries,
  findSessionWithHost,
  findSignup,
  insertSession,
  listActiveSignups,
  listMembersHoldingTags,
  listMySignups,
  listSeriesDates,
  listSessionsSignedUpBy,
  listUpcomingSessions,
  lockSession,
  type NewSession,
  type SessionRow,
  updateSession,
} from './session-repository';
import {
  type SessionWithHost,
  seriesInfo,
  toMySignupView,
  toSessionView,
  toSummaryView,
} from './session-views';

export interface SessionDeps {
  db: Database;
  textChecker: TextChecker;
}

const pageSize = 20;

export function checkSessionText(textChecker: TextChecker, input: Partial<SessionInput>, user: UserRow) {
  return requireAcceptableTexts(textChecker, user, 'forum', {
    title: input.title,
    description: input.description,
    address: input.address,
    materials: input.materials?.join('\n'),
  });
}

function normaliseTags(raw: string[] | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const result = normaliseTagList(raw, sessionLimits.tagsMax);
  if (!result.ok) {
    throw new AppError('VALIDATION_FAILED', 400, {
      tags: result.problem === 'TOO_MANY_TAGS' ? `最多 ${sessionLimits.tagsMax} 个标签` : '标签格式不正确',
    });
  }
  return result.tags;
}

/** The row values of a complete session, checked as a whole: place matches mode, deadline not after start. */
export function sessionFields(
  merged: SessionInput,
  now: Date,
  isNew: boolean,
): Omit<NewSession, 'communityId' | 'createdBy' | 'hostUserId'> {
  const startsAt = new Date(merged.startsAt);
  const signUpDeadline = merged.signUpDeadline ? new Date(merged.signUpDeadline) : startsAt;
  if (Number.isNaN(startsAt.getTime()) || Number.isNaN(signUpDeadline.getTime())) {
    throw new AppError('VALIDATION_FAILED', 400, { startsAt: '时间格式不正确' });
  }
  if (isNew && startsAt.getTime() <= now.getTime()) {
    throw new AppError('VALIDATION_FAILED', 400, { startsAt: '开始时间必须在将来' });
  }
  if (signUpDeadline.getTime() > startsAt.getTime()) throw new AppError('DEADLINE_AFTER_START', 400);
  const meetingLink = merged.mode === 'online' ? merged.meetingLink?.trim() || null : null;
  const address = merged.mode === 'offline' ? merged.address?.trim() || null : null;
  if (merged.mode === 'online' ? !meetingLink : !address) throw new AppError('LOCATION_REQUIRED', 400);
  return {
    title: merged.title,
    description: merged.description ?? '',
    startsAt,
    durationMinutes: merged.durationMinutes,
    mode: merged.mode,
    meetingLink,
    address,
    capacity: merged.capacity,
    signUpDeadline,
    materials: (merged.materials ?? []).map((item) => item.trim()).filter(Boolean),
    tags: normaliseTags(merged.tags) ?? [],
    reminderOffsets: [...new Set(merged.reminderOffsets ?? defaultReminderOffsets)].sort((a, b) => b - a),
    claimWindowHours: merged.claimWindowHours ?? null,
  };
}

export async function requireHostIsMember(tx: Database, communityId: string, hostUserId: string) {
  if (!(await findRole(tx, communityId, hostUserId))) throw new AppError('HOST_NOT_MEMBER', 400);
}

async function canManage(tx: Database, session: SessionRow, userId: string): Promise<boolean> {
  if (session.hostUserId === userId) return true;
  const role = await findRole(tx, session.communityId, userId);
  return !!role && isTeamRole(role);
}

/** Host or team (owner, admins, secretary) of the session's community; members get FORBIDDEN. */
export async function requireSessionManager(
  tx: Database,
  session: SessionRow,
  userId: string,
): Promise<void> {
  await requireMembership(tx, session.communityId, userId, 'member');
  if (!(await canManage(tx, session, userId))) throw new AppError('FORBIDDEN', 403);
}

export async function viewOf(
  tx: Database,
  sessionId: string,
  user: UserRow,
  now: Date = new Date(),
): Promise<SessionView> {
  const row = await findSessionWithHost(tx, sessionId);
  if (!row) throw new AppError('NOT_FOUND', 404);
  const mine = await toMySignupView(tx, await findSignup(tx, sessionId, user.id));
  const settings = await attendanceSettingsOf(tx, row.session.communityId);
  const { seriesId } = row.session;
  const series = seriesId ? await findSeries(tx, seriesId) : undefined;
  const info = series && seriesInfo(series, await listSeriesDates(tx, series.id), row.session, now);
  const gentleRule = {
    gentleRule: settings.gentleRule,
    signUpHeldBack: !mine && (await signUpHeldBack(tx, row.session, user.id, settings, now)),
  };
  return toSessionView(row, mine, await canManage(tx, row.session, user.id), gentleRule, info ?? null);
}

/** Whether the gentle rule would send this member's sign-up to the waitlist now; read only while it could. */
async function signUpHeldBack(
  tx: Database,
  session: SessionRow,
  userId: string,
  settings: AttendanceSettings,
  now: Date,
): Promise<boolean> {
  if (heldBackMayBeSeated(settings.gentleRule, now, session.startsAt)) return false;
  const standings = await gentleRuleStandingsOf(
    tx,
    session.communityId,
    settings.lateCancelHours,
    [userId],
    now,
  );
  return holdsBackSignUp(settings.gentleRule, standings.get(userId)!, now, session.startsAt);
}

export async function createSession(
  { db, textChecker }: SessionDeps,
  user: UserRow,
  communityId: string,
  input: SessionInput,
  now: Date = new Date(),
): Promise<SessionView> {
  await requireMembership(db, communityId, user.id, 'secretary');
  const fields = sessionFields(input, now, true);
  await checkSessionText(textChecker, input, user);
  return db.transaction(async (tx) => {
    await requireMembership(tx, communityId, user.id, 'secretary');
    const hostUserId = input.hostUserId ?? user.id;
    await requireHostIsMember(tx, communityId, hostUserId);
    const session = await insertSession(tx, { ...fields, communityId, hostUserId, createdBy: user.id });
    const interested = await listMembersHoldingTags(tx, communityId, session.tags);
    await noticeAnnounced(
      tx,
      session,
      interested.filter((userId) => userId !== user.id && userId !== hostUserId),
    );
    return viewOf(tx, session.id, user, now);
  });
}

function toInput(session: SessionRow): SessionInput {
  return {
    title: session.title,
    description: session.description,
    hostUserId: session.hostUserId,
    startsAt: session.startsAt.toISOString(),
    durationMinutes: session.durationMinutes,
    mode: session.mode,
    meetingLink: session.meetingLink ?? undefined,
    address: session.address ?? undefined,
    capacity: session.capacity,
    signUpDeadline: session.signUpDeadline.toISOString(),
    materials: session.materials,
    tags: session.tags,
    reminderOffsets: session.reminderOffsets,
    claimWindowHours: session.claimWindowHours,
  };
}

/**
 * A change of time or place notifies everyone signed up and moves their reminders; more seats promote
 * from the waitlist; fewer seats than are taken is refused (nobody loses a confirmed seat by an edit).
 */
export async function editSession(
  { db, textChecker }: SessionDeps,
  user: UserRow,
  sessionId: string,
  changes: Partial<SessionInput>,
  now: Date = new Date(),
): Promise<SessionView> {
  // Checked before the text check, so a member learns nothing from it; checked again under the lock.
  const before = await findSessionWithHost(db, sessionId);
  if (!before) throw new AppError('NOT_FOUND', 404);
  await requireSessionManager(db, before.session, user.id);
  await checkSessionText(textChecker, changes, user);
  return db.transaction(async (tx) => {
    const session = await lockSession(tx, sessionId);
    if (!session) throw new AppError('NOT_FOUND', 404);
    await applyEdit(tx, user, session, changes, now);
    return viewOf(tx, sessionId, user, now);
  });
}

/**
 * One session's edit, in the caller's transaction, the session row locked: the manager checked, the
 * whole checked again, people told of a move, reminders moved, the waitlist promoted into new seats.
 */
export async function applyEdit(
  tx: Database,
  user: UserRow,
  session: SessionRow,
  changes: Partial<SessionInput>,
  now: Date,
): Promise<void> {
  const sessionId = session.id;
  await requireSessionManager(tx, session, user.id);
  if (session.status === 'cancelled') throw new AppError('SESSION_CANCELLED', 409);
  const merged: SessionInput = { ...toInput(session), ...changes };
  if (
    changes.startsAt &&
    !changes.signUpDeadline &&
    session.signUpDeadline.getTime() === session.startsAt.getTime()
  ) {
    merged.signUpDeadline = changes.startsAt;
  }
  const fields = sessionFields(merged, now, changes.startsAt !== undefined);
  if (changes.hostUserId) await requireHostIsMember(tx, session.communityId, changes.hostUserId);
  refuseCapacityBelowSeatsTaken(session, fields.capacity);

  const updated = await updateSession(tx, sessionId, { ...fields, hostUserId: merged.hostUserId });
  const moved =
    updated.startsAt.getTime() !== session.startsAt.getTime() ||
    sessionEndsAt(updated.startsAt, updated.durationMinutes).getTime() !==
      sessionEndsAt(session.startsAt, session.durationMinutes).getTime() ||
    updated.mode !== session.mode ||
    updated.address !== session.address ||
    updated.meetingLink !== session.meetingLink;
  const remindersChanged = moved || updated.reminderOffsets.join() !== session.reminderOffsets.join();
  const signups = await listActiveSignups(tx, sessionId);
  if (moved)
    await noticeChanged(
      tx,
      updated,
      signups.map((signup) => signup.userId),
    );
  if (remindersChanged) {
    for (const signup of signups.filter((s) => s.status === 'confirmed')) {
      await cancelRemindersOf(tx, sessionId, signup.userId);
      await scheduleReminders(tx, updated, signup.userId, now);
    }
  }
  await promoteFromWaitlist(tx, updated, now);
}

/**
 * One session's cancellation, in the caller's transaction, the session row locked: the manager
 * checked, everyone signed up or waiting told, pending reminders withdrawn. A cancelled one stays so.
 */
export async function cancelLockedSession(tx: Database, user: UserRow, session: SessionRow): Promise<void> {
  await requireSessionManager(tx, session, user.id);
  if (session.status === 'cancelled') return;
  const updated = await updateSession(tx, session.id, { status: 'cancelled', checkInCode: null });
  const signups = await listActiveSignups(tx, session.id);
  await cancelAllPendingOfSession(tx, session.id);
  await noticeCancelled(
    tx,
    updated,
    signups.map((signup) => signup.userId),
  );
}

export async function cancelSession(
  db: Database,
  user: UserRow,
  sessionId: string,
  now: Date = new Date(),
): Promise<SessionView> {
  return db.transaction(async (tx) => {
    const session = await lockSession(tx, sessionId);
    if (!session) throw new AppError('NOT_FOUND', 404);
    await cancelLockedSession(tx, user, session);
    return viewOf(tx, sessionId, user, now);
  });
}

export async function getSession(
  db: Database,
  user: UserRow,
  sessionId: string,
  now: Date = new Date(),
): Promise<SessionView> {
  const row = await findSessionWithHost(db, sessionId);
  if (!row) throw new AppError('NOT_FOUND', 404);
  await requireMembership(db, row.session.communityId, user.id, 'member');
  return viewOf(db, sessionId, user, now);
}

const sessionListCursor = keysetCursor({ startsAt: timePart, id: uuidPart });

export async function summaries(
  tx: Database,
  user: UserRow,
  rows: SessionWithHost[],
): Promise<SessionSummaryView[]> {
  const ids = rows.map((row) => row.session.id);
  const mine = new Map((await listMySignups(tx, user.id, ids)).map((signup) => [signup.sessionId, signup]));
  const views: SessionSummaryView[] = [];
  for (const row of rows) {
    const mySignup = await toMySignupView(tx, mine.get(row.session.id));
    views.push(toSummaryView(row, mySignup));
  }
  return views;
}

export async function listSessions(
  db: Database,
  user: UserRow,
  communityId: string,
  query: { tag?: string; cursor?: string },
  now: Date = new Date(),
): Promise<SessionPage> {
  await requireMembership(db, communityId, user.id, 'member');
  const tag = query.tag ? normaliseTags([query.tag])![0] : undefined;
  const rows = await listUpcomingSessions(db, {
    communityId,
    now,
    tag,
    after: query.cursor ? sessionListCursor.decode(query.cursor) : undefined,
    limit: pageSize + 1,
  });
  const page = rows.slice(0, pageSize);
  return {
    items: await summaries(db, user, page),
    nextCursor: rows.length > pageSize ? sessionListCursor.encode(page[page.length - 1]!.session) : null,
  };
}

/** 我的活动: upcoming (not yet ended) soonest first, past most recent first. */
export async function listMySessions(
  db: Database,
  user: UserRow,
  now: Date = new Date(),
): Promise<{ upcoming: SessionSummaryView[]; past: SessionSummaryView[] }> {
  const rows = await listSessionsSignedUpBy(db, user.id);
  const views = await summaries(db, user, rows);
  const ended = (view: SessionSummaryView) =>
    sessionEndsAt(new Date(view.startsAt), view.durationMinutes).getTime() <= now.getTime();
  return {
    upcoming: views.filter((view) => !ended(view)),
    past: views.filter(ended).reverse().slice(0, 20),
  };
}
