import { sessionPath } from '../../../src/domain/page-paths';
import { reminderDueAt, reminderLabel, remindersAhead } from '../../../src/domain/sessions';
import { tagLine } from '../../../src/domain/tags';
import { appTimeZone, appUtcOffsetMinutes } from '../../../src/domain/time-zone';
import type { Database } from '../../db/database';
import { cancelPendingNotices, enqueueNotices, type NewNotice } from '../notifications';
import type { SessionRow } from './session-repository';

/**
 * Every notice a session causes, written in the transaction of the change. Dedupe keys start with
 * `session:<id>:`, so moving or cancelling a session (or a member leaving it) can cancel what is pending.
 */
const whenFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: appTimeZone,
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

function whenText(session: SessionRow): string {
  return whenFormat.format(session.startsAt);
}

function whereText(session: SessionRow): string {
  return session.mode === 'online' ? '线上' : (session.address ?? '线下');
}

function templateTime(date: Date): string {
  const local = new Date(date.getTime() + appUtcOffsetMinutes * 60_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

const userPrefix = (sessionId: string, userId: string) => `session:${sessionId}:user:${userId}:`;

/** Reminders for one confirmed member, at each of the organiser's offsets still in the future. */
export function remindersFor(session: SessionRow, userId: string, now: Date): NewNotice[] {
  const notices: NewNotice[] = [];
  for (const offset of remindersAhead(session.startsAt, session.reminderOffsets, now)) {
    notices.push({
      userId,
      communityId: session.communityId,
      kind: 'session_reminder',
      title: `活动提醒：${session.title}`.slice(0, 40),
      body: `${reminderLabel(offset)}提醒：「${session.title}」将于 ${whenText(session)} 开始（${whereText(session)}）。`,
      link: sessionPath(session.id),
      dueAt: reminderDueAt(session.startsAt, offset),
      template: {
        key: 'sessionReminder',
        data: { thing1: session.title.slice(0, 20), time2: templateTime(session.startsAt) },
      },
      dedupeKey: `${userPrefix(session.id, userId)}reminder:${session.startsAt.toISOString()}:${offset}`,
    });
  }
  return notices;
}

export async function scheduleReminders(
  tx: Database,
  session: SessionRow,
  userId: string,
  now: Date,
): Promise<void> {
  await enqueueNotices(tx, remindersFor(session, userId, now));
}

export async function cancelRemindersOf(tx: Database, sessionId: string, userId: string): Promise<void> {
  await cancelPendingNotices(tx, { dedupeKeyPrefix: `${userPrefix(sessionId, userId)}reminder:` });
}

export async function cancelAllPendingOfSession(tx: Database, sessionId: string): Promise<void> {
  await cancelPendingNotices(tx, { dedupeKeyPrefix: `session:${sessionId}:` });
}

/**
 * A party moved up from the waitlist: seated at once, or offered seats to claim before `offerExpiresAt`;
 * with fewer guests than it asked for when it took the smaller spot it accepted.
 */
export function promotedNotice(
  session: SessionRow,
  party: { userId: string; arrival: number; guests: number },
  guests: number,
  offerExpiresAt: Date | null,
): NewNotice {
  const { userId, arrival } = party;
  const smaller =
    guests < party.guests
      ? `名额只够 ${1 + guests} 人，按你的选择${guests === 0 ? '你一个人来' : `带 ${guests} 位同伴`}。`
      : '';
  const body = offerExpiresAt
    ? `「${session.title}」有名额空出来了，请在 ${templateTime(offerExpiresAt)} 前确认，逾期名额将让给下一位。${smaller}`
    : `「${session.title}」有名额空出来了，你已从候补转为报名成功。${smaller}`;
  return {
    userId,
    communityId: session.communityId,
    kind: 'waitlist_promoted',
    title: `候补转正：${session.title}`.slice(0, 40),
    body,
    link: sessionPath(session.id),
    template: {
      key: 'waitlistPromoted',
      data: { thing1: session.title.slice(0, 20), time2: templateTime(session.startsAt) },
    },
    dedupeKey: `${userPrefix(session.id, userId)}promoted:${arrival}`,
  };
}

export async function noticeChanged(tx: Database, session: SessionRow, userIds: string[]): Promise<void> {
  const stamp = session.updatedAt.toISOString();
  await enqueueNotices(
    tx,
    userIds.map((userId) => ({
      userId,
      communityId: session.communityId,
      kind: 'session_changed' as const,
      title: `活动变更：${session.title}`.slice(0, 40),
      body: `「${session.title}」的时间或地点有变化：现在是 ${whenText(session)}（${whereText(session)}）。`,
      link: sessionPath(session.id),
      template: {
        key: 'sessionChanged' as const,
        data: { thing1: session.title.slice(0, 20), time2: templateTime(session.startsAt) },
      },
      dedupeKey: `${userPrefix(session.id, userId)}changed:${stamp}`,
    })),
  );
}

export async function noticeCancelled(tx: Database, session: SessionRow, userIds: string[]): Promise<void> {
  await enqueueNotices(
    tx,
    userIds.map((userId) => ({
      userId,
      communityId: session.communityId,
      kind: 'session_cancelled' as const,
      title: `活动取消：${session.title}`.slice(0, 40),
      body: `很抱歉，原定 ${whenText(session)} 的「${session.title}」已取消，你的报名也随之结束。`,
      link: sessionPath(session.id),
      template: {
        key: 'sessionChanged' as const,
        data: { thing1: session.title.slice(0, 20), time2: templateTime(session.startsAt) },
      },
      dedupeKey: `session-cancelled:${session.id}:user:${userId}`,
    })),
  );
}

/** A new session on a tag lands in the inbox of members who hold that tag (never as a subscribe message). */
export async function noticeAnnounced(tx: Database, session: SessionRow, userIds: string[]): Promise<void> {
  await enqueueNotices(
    tx,
    userIds.map((userId) => ({
      userId,
      communityId: session.communityId,
      kind: 'session_announced' as const,
      title: `新活动：${session.title}`.slice(0, 40),
      body: `你关注的 ${tagLine(session.tags)} 有新活动：「${session.title}」，${whenText(session)}（${whereText(session)}），共 ${session.capacity} 个名额。`,
      link: sessionPath(session.id),
      dedupeKey: `session-announced:${session.id}:user:${userId}`,
    })),
  );
}
