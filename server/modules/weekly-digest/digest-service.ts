import { addWeeks, isWeekStart, weekLabel, weekStartOf } from '../../../src/domain/china-weeks';
import type {
  LatestWeeklyDigestView,
  WeeklyDigestReadView,
  WeeklyDigestView,
} from '../../../src/domain/contract/weekly-digest';
import { weeklyDigestPath } from '../../../src/domain/page-paths';
import { isTeamRole } from '../../../src/domain/roles';
import {
  assembleDigest,
  type DigestSectionsContent,
  defaultDigestIntro,
  digestText,
  isDigestWeekOpen,
  isDigestWeekStarted,
  isEmptyDigest,
} from '../../../src/domain/weekly-digest';
import { AppError } from '../../app-error';
import type { Database } from '../../db/database';
import type { UserRow } from '../auth/user-repository';
import { findCommunity } from '../communities/community-repository';
import { requireAcceptableTexts } from '../content-security/require-acceptable-text';
import type { TextChecker } from '../content-security/text-checker';
import { listTeamIds } from '../membership/membership-repository';
import { type CommunityStanding, requireMembership } from '../membership/require-membership';
import { enqueueNotices } from '../notifications';
import { digestCandidates } from './digest-queries';
import {
  type DigestRow,
  findDigestRow,
  latestSharedDigest,
  lockDigestRow,
  updateDigestRow,
} from './digest-repository';

/** Who edits and shares: the team (owner, admins, secretary). Members read what the team shared. */
const editorRole = 'secretary';

export interface DigestDeps {
  db: Database;
  textChecker: TextChecker;
}

/** A week's Monday that has begun: 400 for a date that is not a Monday, 404 for a week still to come. */
function requireStartedWeek(weekStart: string, now: Date): void {
  if (!isWeekStart(weekStart))
    throw new AppError('VALIDATION_FAILED', 400, { weekStart: '请用一周的周一表示这一周' });
  if (!isDigestWeekStarted(weekStart, now)) throw new AppError('NOT_FOUND', 404);
}

/** The week's sections for a team write, or 404 WEEKLY_DIGEST_EMPTY: an empty week has nothing to edit or share. */
async function requireContent(tx: Database, communityId: string, weekStart: string) {
  const content = assembleDigest(await digestCandidates(tx, communityId, weekStart));
  if (isEmptyDigest(content)) throw new AppError('WEEKLY_DIGEST_EMPTY', 404);
  return content;
}

async function toView(
  tx: Database,
  communityId: string,
  weekStart: string,
  row: DigestRow | undefined,
  content: DigestSectionsContent,
  canManage: boolean,
): Promise<WeeklyDigestView> {
  const community = await findCommunity(tx, communityId);
  const communityName = community!.name;
  const intro = row?.intro ?? defaultDigestIntro;
  return {
    communityId,
    communityName,
    weekStart,
    weekLabel: weekLabel(weekStart),
    intro,
    introEdited: row?.intro != null,
    ...content,
    sharedAt: row?.sharedAt?.toISOString() ?? null,
    canManage,
    text: digestText(communityName, weekStart, intro, content),
  };
}

/**
 * A week's digest: the team previews any week that has begun; members read it once it was shared.
 * An empty week and one not shared yet are answers (no digest, and why), not errors.
 */
export async function getWeeklyDigest(
  db: Database,
  user: UserRow,
  communityId: string,
  weekStart: string,
  now = new Date(),
  standing?: CommunityStanding | null,
): Promise<WeeklyDigestReadView> {
  const role = await requireMembership(db, communityId, user.id, 'member', standing);
  requireStartedWeek(weekStart, now);
  const row = await findDigestRow(db, communityId, weekStart);
  const team = isTeamRole(role);
  if (!team && !row?.sharedAt) return { digest: null, noDigest: 'not-shared' };
  const content = assembleDigest(await digestCandidates(db, communityId, weekStart));
  if (isEmptyDigest(content)) return { digest: null, noDigest: 'empty' };
  const canManage = team && isDigestWeekOpen(weekStart, now);
  return { digest: await toView(db, communityId, weekStart, row, content, canManage), noDigest: null };
}

/** The checks every team write makes before its transaction: role, week, and that the week is still open. */
async function requireOpenWeekForEditor(
  db: Database,
  user: UserRow,
  communityId: string,
  weekStart: string,
  now: Date,
) {
  await requireMembership(db, communityId, user.id, editorRole);
  requireStartedWeek(weekStart, now);
  if (!isDigestWeekOpen(weekStart, now)) throw new AppError('WEEKLY_DIGEST_CLOSED', 409);
}

/** The team's intro line; '' puts the default line back. */
export async function editDigestIntro(
  { db, textChecker }: DigestDeps,
  user: UserRow,
  communityId: string,
  weekStart: string,
  intro: string,
  now = new Date(),
): Promise<WeeklyDigestView> {
  await requireOpenWeekForEditor(db, user, communityId, weekStart, now);
  await requireAcceptableTexts(textChecker, user, 'forum', { intro });
  return db.transaction(async (tx) => {
    await requireMembership(tx, communityId, user.id, editorRole);
    const content = await requireContent(tx, communityId, weekStart);
    const row = await lockDigestRow(tx, communityId, weekStart);
    const changes = { intro: intro === '' ? null : intro, introBy: user.id };
    await updateDigestRow(tx, row.id, changes);
    return toView(tx, communityId, weekStart, { ...row, ...changes }, content, true);
  });
}

/**
 * The team shared the digest into the group (a share card or the copied text). The first share
 * opens it to the members and puts it in their 消息; sharing again tells nobody twice.
 */
export async function shareWeeklyDigest(
  { db }: DigestDeps,
  user: UserRow,
  communityId: string,
  weekStart: string,
  now = new Date(),
): Promise<WeeklyDigestView> {
  await requireOpenWeekForEditor(db, user, communityId, weekStart, now);
  return db.transaction(async (tx) => {
    await requireMembership(tx, communityId, user.id, editorRole);
    const content = await requireContent(tx, communityId, weekStart);
    let row = await lockDigestRow(tx, communityId, weekStart);
    if (!row.sharedAt) {
      row = { ...row, sharedAt: now, sharedBy: user.id };
      await updateDigestRow(tx, row.id, { sharedAt: now, sharedBy: user.id });
      const readers = (await listTeamIds(tx, communityId, 'member')).filter((id) => id !== user.id);
      await enqueueNotices(
        tx,
        readers.map((userId) => ({
          userId,
          communityId,
          kind: 'weekly_digest' as const,
          title: `本周群周报（${weekLabel(weekStart)}）`,
          body: row.intro ?? defaultDigestIntro,
          link: weeklyDigestPath(weekStart),
          dedupeKey: `weekly-digest:${communityId}:${weekStart}:user:${userId}`,
        })),
      );
    }
    return toView(tx, communityId, weekStart, row, content, true);
  });
}

/** The digest 首页 links to: the newest one shared this week or last. */
export async function latestWeeklyDigest(
  db: Database,
  user: UserRow,
  communityId: string,
  now = new Date(),
  standing?: CommunityStanding | null,
): Promise<LatestWeeklyDigestView> {
  await requireMembership(db, communityId, user.id, 'member', standing);
  const row = await latestSharedDigest(db, communityId, addWeeks(weekStartOf(now), -1));
  return {
    latest: row?.sharedAt
      ? {
          weekStart: row.weekStart,
          weekLabel: weekLabel(row.weekStart),
          sharedAt: row.sharedAt.toISOString(),
        }
      : null,
  };
}
