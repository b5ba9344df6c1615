import type {
  CreateSeriesBody,
  EditFollowingBody,
  SeriesSignUpResult,
  SeriesView,
  SessionInput,
  SessionView,
} from '../../../src/domain/contract/sessions';
import {
  atTimeOfDay,
  seriesDates,
  seriesProblemMessages,
  seriesText,
} from '../../../src/domain/session-series';
import { userTimeProblem } from '../../../src/domain/user-time';
import { AppError } from '../../app-error';
import type { UserRow } from '../auth/user-repository';
import { requireMembership } from '../membership/require-membership';
import { noticeAnnounced } from './session-notices';
import {
  findSeries,
  findSession,
  findSessionWithHost,
  insertSeries,
  insertSession,
  listMembersHoldingTags,
  listSeriesDates,
  lockSession,
  waitlistPosition,
} from './session-repository';
import {
  applyEdit,
  cancelLockedSession,
  checkSessionText,
  requireHostIsMember,
  requireSessionManager,
  type SessionDeps,
  sessionFields,
  summaries,
  viewOf,
} from './session-service';
import type { SessionWithHost } from './session-views';
import { takeSeatInTurn } from './signup-line';

/**
 * A series is made of ordinary sessions, created together in one transaction: the same checks as
 * one session (the text checked once), each date its own seats and waitlist. Members holding the
 * tags hear of the first date only, not once per date.
 */
export async function createSeries(
  { db, textChecker }: SessionDeps,
  user: UserRow,
  communityId: string,
  input: CreateSeriesBody,
  now: Date,
): Promise<SeriesView> {
  await requireMembership(db, communityId, user.id, 'secretary');
  const { repeat, count, until, ...sessionInput } = input;
  const first = sessionFields(sessionInput, now, true);
  const planned = seriesDates(first.startsAt, { repeat, count, until });
  if (!planned.ok) {
    const field = planned.problem === 'untilFormat' ? 'until' : 'count';
    throw new AppError('VALIDATION_FAILED', 400, { [field]: seriesProblemMessages[planned.problem] });
  }
  const { dates } = planned;
  if (userTimeProblem(dates[dates.length - 1]!, now))
    throw new AppError('VALIDATION_FAILED', 400, { count: '最后一次不能晚于一年后' });
  await checkSessionText(textChecker, sessionInput, user);
  const deadlineBeforeStart = first.startsAt.getTime() - first.signUpDeadline.getTime();

  return db.transaction(async (tx) => {
    await requireMembership(tx, communityId, user.id, 'secretary');
    const hostUserId = sessionInput.hostUserId ?? user.id;
    await requireHostIsMember(tx, communityId, hostUserId);
    const series = await insertSeries(tx, { communityId, repeat, createdBy: user.id });
    const rows: SessionWithHost[] = [];
    for (const startsAt of dates) {
      const session = await insertSession(tx, {
        ...first,
        startsAt,
        signUpDeadline: new Date(startsAt.getTime() - deadlineBeforeStart),
        seriesId: series.id,
        communityId,
        hostUserId,
        createdBy: user.id,
      });
      rows.push((await findSessionWithHost(tx, session.id))!);
    }
    const interested = await listMembersHoldingTags(tx, communityId, rows[0]!.session.tags);
    await noticeAnnounced(
      tx,
      rows[0]!.session,
      interested.filter((userId) => userId !== user.id && userId !== hostUserId),
    );
    return {
      id: series.id,
      repeat,
      text: seriesText(repeat, first.startsAt, dates.length),
      sessions: await summaries(tx, user, rows),
    };
  });
}

type DateResult = SeriesSignUpResult['dates'][number];

/**
 * 报名全部: every upcoming date, in date order, through the same line and seat ledger as a single
 * sign-up (each date its own turn and transaction), so a whole-series sign-up and single-date
 * sign-ups share every date's seats fairly. Each date answers for itself: a seat, a place in its
 * waitlist, signed up already, or closed. Dates signed up before a refusal stay signed up.
 */
export async function signUpForSeries(
  db: SessionDeps['db'],
  user: UserRow,
  seriesId: string,
  party: { guests: number; minGuests: number | null },
  now: Date,
): Promise<SeriesSignUpResult> {
  const series = await findSeries(db, seriesId);
  if (!series) throw new AppError('NOT_FOUND', 404);
  await requireMembership(db, series.communityId, user.id, 'member');
  const upcoming = (await listSeriesDates(db, seriesId)).filter(
    (date) => date.status !== 'cancelled' && date.startsAt.getTime() > now.getTime(),
  );
  const results: DateResult[] = [];
  for (const date of upcoming) {
    const base = { sessionId: date.id, startsAt: date.startsAt.toISOString() };
    const outcome = await takeSeatInTurn(db, date.id, { userId: user.id, ...party, now });
    if (outcome.kind === 'refused') {
      const { code } = outcome.error;
      if (code === 'SIGNUP_CLOSED' || code === 'SESSION_CANCELLED' || code === 'NOT_FOUND')
        results.push({ ...base, outcome: 'closed' });
      else throw outcome.error;
    } else if (outcome.kind === 'placed') {
      results.push({
        ...base,
        outcome: outcome.status,
        status: outcome.status,
        guests: outcome.guests,
        ...(outcome.position === null ? {} : { position: outcome.position }),
      });
    } else {
      const { signup } = outcome;
      const status = signup.status as Exclude<typeof signup.status, 'cancelled'>;
      results.push({
        ...base,
        outcome: 'already',
        status,
        guests: signup.guests,
        ...(status === 'waitlisted' ? { position: await waitlistPosition(db, signup) } : {}),
      });
    }
  }
  return { dates: results };
}

/**
 * 修改此次及以后: this date and every later date of its series that is not cancelled, in one
 * transaction, each locked in date order and edited as one session would be (people told of a new
 * time, capacity through the seat ledger's refusal and promotion). A new time of day keeps each date
 * on its own day and moves its sign-up deadline along.
 */
export async function editFollowing(
  { db, textChecker }: SessionDeps,
  user: UserRow,
  sessionId: string,
  changes: EditFollowingBody,
  now: Date,
): Promise<SessionView> {
  const before = await findSession(db, sessionId);
  if (!before) throw new AppError('NOT_FOUND', 404);
  await requireSessionManager(db, before, user.id);
  const { seriesId } = before;
  if (!seriesId) throw new AppError('NOT_IN_SERIES', 409);
  await checkSessionText(textChecker, changes, user);
  const { timeOfDay, ...shared } = changes;
  const common: Partial<SessionInput> = Object.fromEntries(
    Object.entries(shared).filter(([, value]) => value !== undefined),
  );

  return db.transaction(async (tx) => {
    const following = (await listSeriesDates(tx, seriesId)).filter(
      (date) => date.startsAt.getTime() >= before.startsAt.getTime(),
    );
    for (const date of following) {
      const session = await lockSession(tx, date.id);
      if (!session || (session.status === 'cancelled' && session.id !== sessionId)) continue;
      const perDate: Partial<SessionInput> = { ...common };
      if (timeOfDay) {
        const startsAt = atTimeOfDay(session.startsAt, timeOfDay);
        const shift = startsAt.getTime() - session.startsAt.getTime();
        if (shift !== 0) {
          perDate.startsAt = startsAt.toISOString();
          perDate.signUpDeadline = new Date(session.signUpDeadline.getTime() + shift).toISOString();
        }
      }
      await applyEdit(tx, user, session, perDate, now);
    }
    return viewOf(tx, sessionId, user, now);
  });
}

/**
 * 取消此次及以后: this date and every later date of its series that has not started, in one
 * transaction, each locked in date order (as 修改此次及以后 does) and cancelled as one date is, so
 * each date's people are told once. Dates already over or cancelled stay as they are.
 */
export async function cancelFollowing(
  db: SessionDeps['db'],
  user: UserRow,
  sessionId: string,
  now: Date,
): Promise<SessionView> {
  const chosen = await findSession(db, sessionId);
  if (!chosen) throw new AppError('NOT_FOUND', 404);
  await requireSessionManager(db, chosen, user.id);
  const { seriesId } = chosen;
  if (!seriesId) throw new AppError('NOT_IN_SERIES', 409);

  return db.transaction(async (tx) => {
    const following = (await listSeriesDates(tx, seriesId)).filter(
      (date) =>
        date.startsAt.getTime() >= chosen.startsAt.getTime() && date.startsAt.getTime() > now.getTime(),
    );
    for (const date of following) {
      const session = await lockSession(tx, date.id);
      if (session) await cancelLockedSession(tx, user, session);
    }
    return viewOf(tx, sessionId, user, now);
  });
}
