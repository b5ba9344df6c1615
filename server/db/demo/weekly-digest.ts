import { and, eq } from 'drizzle-orm';
import { addWeeks, weekLabel, weekStartOf } from '../../../src/domain/china-weeks';
import { weeklyDigestPath } from '../../../src/domain/page-paths';
import { assembleDigest, isEmptyDigest } from '../../../src/domain/weekly-digest';
import { findCommunity } from '../../modules/communities/community-repository';
import { listTeamIds } from '../../modules/membership/membership-repository';
import { enqueueNotices } from '../../modules/notifications';
import { digestCandidates } from '../../modules/weekly-digest/digest-queries';
import { lockDigestRow, updateDigestRow } from '../../modules/weekly-digest/digest-repository';
import type { Database } from '../database';
import { exportRecords, memberships, users } from '../schema';

const demoIntro = '这周群里很热闹：新技巧、下周的活动和新朋友都在这里，挑一个试试吧！';

async function userIdOf(tx: Database, communityId: string, nickname: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.communityId, communityId)))
    .where(eq(users.nickname, nickname));
  return row?.id;
}

/** This week, or last week when the demo's recent days all fell before this Monday; null when both are quiet. */
async function demoWeek(tx: Database, communityId: string, now: Date): Promise<string | null> {
  for (const weekStart of [weekStartOf(now), addWeeks(weekStartOf(now), -1)])
    if (!isEmptyDigest(assembleDigest(await digestCandidates(tx, communityId, weekStart)))) return weekStart;
  return null;
}

/**
 * Run after the other demo seeds: the week's 本周群周报 with the team's intro line, shared by 李根 so
 * 首页 and 消息 link to it, and one line in the export log, so the team's members screen shows what
 * an export leaves behind.
 */
export async function seedDemoWeeklyDigest(
  tx: Database,
  communityId: string,
  now = new Date(),
): Promise<void> {
  const owner = await userIdOf(tx, communityId, '李根');
  const secretary = await userIdOf(tx, communityId, '陈秘书');
  if (!owner || !secretary) return;
  const weekStart = await demoWeek(tx, communityId, now);
  if (weekStart) {
    const row = await lockDigestRow(tx, communityId, weekStart);
    await updateDigestRow(tx, row.id, { intro: demoIntro, introBy: owner, sharedAt: now, sharedBy: owner });
    const readers = (await listTeamIds(tx, communityId, 'member')).filter((id) => id !== owner);
    await enqueueNotices(
      tx,
      readers.map((userId) => ({
        userId,
        communityId,
        kind: 'weekly_digest' as const,
        title: `本周群周报（${weekLabel(weekStart)}）`,
        body: demoIntro,
        link: weeklyDigestPath(weekStart),
        dedupeKey: `weekly-digest:${communityId}:${weekStart}:user:${userId}`,
      })),
    );
  }
  const memberCount = (await listTeamIds(tx, communityId, 'member')).length;
  const community = await findCommunity(tx, communityId);
  await tx.insert(exportRecords).values({
    communityId,
    userId: secretary,
    kind: 'members',
    subject: community!.name,
    rowCount: memberCount,
    createdAt: new Date(now.getTime() - 3_600_000),
  });
}
