import { eq } from 'drizzle-orm';
import type { Role } from '../../src/domain/roles';
import { devOpenidPrefix } from '../modules/auth/user-repository';
import { insertMembership } from '../modules/membership/membership-repository';
import type { Database } from './database';
import { seedDemoJoinRequests } from './demo/join-requests';
import { seedDemoNotices } from './demo/notices';
import { seedDemoProfiles } from './demo/profiles';
import { seedDemoPromotions } from './demo/promotions';
import { seedDemoReports } from './demo/reports';
import { keepDemoSessionRunning } from './demo/running-session';
import { seedDemoSessions } from './demo/sessions';
import { seedDemoTips } from './demo/tips';
import { seedDemoWeeklyDigest } from './demo/weekly-digest';
import { communities, users } from './schema';

/** From the essay: the name it proposes, the goal of small practical tricks, and its rules on ads. */
export const demoCommunity = {
  name: '一起走上10万+之路',
  goal: '每人每周学会一个能马上用上的自媒体小技巧',
  rules: [
    '1. 广告只在推广时段发，其他时间不发广告、不发二维码。',
    '2. 新人进群不 @所有人，欢迎统一放在每周的新人欢迎里。',
    '3. 多分享能马上用上的小技巧，少讲大道理。',
  ].join('\n'),
  capacity: 100,
  inviteCode: 'QY2K26',
  // The owner's gentle rule is on, so 张三丰 (three no-shows) shows a held-back sign-up.
  gentleRule: true,
} as const;

/**
 * Every role is represented, so the H5 dev login can show each screen. Li Gen is the essay's author.
 * Joins spread over eight weeks give the owner's dashboard a history; 周芷若 is new (under the
 * 7 days a promotion request needs), so the 推广 tab shows that rule too.
 */
export const demoMembers: ReadonlyArray<{ nickname: string; role: Role; joinedDaysAgo: number }> = [
  { nickname: '李根', role: 'owner', joinedDaysAgo: 56 },
  { nickname: '王小雪', role: 'admin', joinedDaysAgo: 50 },
  { nickname: '陈秘书', role: 'secretary', joinedDaysAgo: 41 },
  { nickname: '张三丰', role: 'member', joinedDaysAgo: 33 },
  { nickname: '刘晓', role: 'member', joinedDaysAgo: 24 },
  { nickname: '赵敏', role: 'member', joinedDaysAgo: 12 },
  { nickname: '周芷若', role: 'member', joinedDaysAgo: 2 },
];

/** Idempotent: does nothing when the demo community exists. Returns whether it created it. */
export async function seedDemoCommunity(db: Database): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: communities.id })
      .from(communities)
      .where(eq(communities.inviteCode, demoCommunity.inviteCode));
    if (existing) return false;
    const [community] = await tx.insert(communities).values(demoCommunity).returning();
    for (const member of demoMembers) {
      const openid = `${devOpenidPrefix}${member.nickname}`;
      await tx.insert(users).values({ openid, nickname: member.nickname }).onConflictDoNothing();
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.openid, openid));
      const joinedAt = new Date(Date.now() - member.joinedDaysAgo * 24 * 3600_000);
      await insertMembership(tx, {
        communityId: community!.id,
        userId: user!.id,
        role: member.role,
        joinedAt,
        rulesConfirmedAt: joinedAt,
      });
    }
    await seedDemoProfiles(tx, community!.id);
    await seedDemoPromotions(tx, community!.id);
    await seedDemoTips(tx, community!.id);
    await seedDemoSessions(tx, community!.id);
    await keepDemoSessionRunning(tx, community!.id, new Date());
    await seedDemoNotices(tx, community!.id);
    await seedDemoJoinRequests(tx, community!.id);
    await seedDemoReports(tx, community!.id);
    // Last: the digest gathers what the seeds above made this week.
    await seedDemoWeeklyDigest(tx, community!.id);
    return true;
  });
}

/** At each demo start: the demo community's session on now is on again (`demo/running-session.ts`). */
export async function keepDemoCurrent(db: Database, now: Date = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const [community] = await tx
      .select({ id: communities.id })
      .from(communities)
      .where(eq(communities.inviteCode, demoCommunity.inviteCode));
    if (community) await keepDemoSessionRunning(tx, community.id, now);
  });
}

export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [anyCommunity] = await db.select({ id: communities.id }).from(communities).limit(1);
  return !anyCommunity;
}
