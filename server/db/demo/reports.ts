import { and, eq, inArray, sql } from 'drizzle-orm';
import { pagePaths } from '../../../src/domain/page-paths';
import { listTeamIds } from '../../modules/membership/membership-repository';
import { insertReport } from '../../modules/moderation/report-repository';
import { enqueueNotices } from '../../modules/notifications/notice-repository';
import type { Database } from '../database';
import { memberships, tips, tipTries, users } from '../schema';

/**
 * One open 举报 in the team's queue: the newest member slips an ad into a note (against rule 1),
 * and 赵敏 reports it. The team hears of it in 消息.
 */
export const demoReport = {
  tipTitle: '一篇文章，同步发到多个平台',
  noteBy: '周芷若',
  note: '我做了个一键同步的小工具，想要的私信我，打折给群友',
  reporter: '赵敏',
  reason: '在心得里打广告，违反群规第 1 条',
} as const;

export async function seedDemoReports(tx: Database, communityId: string): Promise<void> {
  const [tip] = await tx
    .select({ id: tips.id, publishedAt: tips.publishedAt })
    .from(tips)
    .where(and(eq(tips.communityId, communityId), eq(tips.title, demoReport.tipTitle)));
  const people = await tx
    .select({ id: users.id, nickname: users.nickname })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.communityId, communityId)))
    .where(inArray(users.nickname, [demoReport.noteBy, demoReport.reporter]));
  const idOf = new Map(people.map((person) => [person.nickname, person.id]));
  const writerId = idOf.get(demoReport.noteBy);
  const reporterId = idOf.get(demoReport.reporter);
  if (!tip || !writerId || !reporterId) return;

  const triedAt = new Date(Date.now() - 20 * 3_600_000);
  const tried = await tx
    .insert(tipTries)
    .values({
      tipId: tip.id,
      userId: writerId,
      note: demoReport.note,
      createdAt: triedAt,
      updatedAt: triedAt,
    })
    .onConflictDoNothing()
    .returning({ tipId: tipTries.tipId });
  if (tried.length === 0) return;
  await tx
    .update(tips)
    .set({ tryCount: sql`${tips.tryCount} + 1` })
    .where(eq(tips.id, tip.id));

  const report = await insertReport(tx, {
    communityId,
    target: { kind: 'note', targetId: tip.id, authorId: writerId },
    reporterId,
    reason: demoReport.reason,
    createdAt: new Date(Date.now() - 3 * 3_600_000),
  });
  if (!report) return;
  const teamIds = await listTeamIds(tx, communityId, 'secretary');
  await enqueueNotices(
    tx,
    teamIds.map((userId) => ({
      userId,
      communityId,
      kind: 'content_reported' as const,
      title: '新的举报：心得',
      body: `「${demoReport.note}」被举报：${demoReport.reason}`,
      link: pagePaths.reports,
      dedupeKey: `demo:${communityId}:report:${userId}`,
    })),
  );
}
